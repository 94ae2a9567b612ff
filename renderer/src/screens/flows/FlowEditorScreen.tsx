import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { LinkButton } from '../../components/LinkButton';
import { FlowEditor } from '../../editor/FlowEditor';
import '../../editor/editor.css';
import { EditorErrorBoundary } from '../../editor/ui/EditorErrorBoundary';
import { useFlowCatalogStore } from '../../stores/flow-catalog-store';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { useFlowRunStore } from '../../stores/flow-run-store';
import { useFlowSampleStore } from '../../stores/flow-sample-store';
import { useReferenceChoicesStore } from '../../stores/reference-choices-store';

/**
 * `#/flows/:id`: loads the flow and the catalogue, then shows the editor. Unsaved changes of this
 * flow still in memory (the user went back without saving) are kept rather than reloaded.
 */
export function FlowEditorScreen({ params }: { params: { id: string } }) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const id = params.id;
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready' } | { status: 'error'; failure: Failure }
  >({
    status: 'loading',
  });

  useEffect(() => {
    let live = true;
    const editor = useFlowEditorStore.getState();
    const keep = editor.meta?.id === id && editor.dirty;
    setState({ status: 'loading' });
    Promise.all([useFlowCatalogStore.getState().load(), keep ? null : api().flows.get({ id })])
      .then(([catalog, loaded]) => {
        if (!live) return;
        if (loaded) {
          useFlowEditorStore.getState().load(loaded.flow, catalog);
          useFlowSampleStore.getState().clear();
          // The systems' lists are read again for each flow opened (a department added since shows).
          useReferenceChoicesStore.getState().clear();
        }
        setState({ status: 'ready' });
        void useFlowRunStore.getState().loadLast(id);
      })
      .catch((error: unknown) => live && setState({ status: 'error', failure: failureOf(error) }));
    return () => {
      live = false;
      // The canvas stops following the flow's runs once it closes.
      useFlowRunStore.getState().reset();
    };
  }, [id]);

  if (state.status === 'error') {
    return (
      <div className="screen" data-testid="screen-flow-editor">
        <h1>{t('editor.loadFailedTitle')}</h1>
        <p className="form-error" role="alert">
          {failureWords(state.failure)}
        </p>
        <LinkButton to="/flows">{t('editor.backToFlows')}</LinkButton>
      </div>
    );
  }
  if (state.status === 'loading') {
    return (
      <div className="screen" data-testid="screen-flow-editor" aria-busy="true">
        <p className="ed-muted">{t('editor.loading')}</p>
      </div>
    );
  }
  return (
    <EditorErrorBoundary title={t('editor.crashedTitle')} reloadLabel={t('editor.crashedRetry')}>
      <ReactFlowProvider>
        <FlowEditor flowId={id} />
      </ReactFlowProvider>
    </EditorErrorBoundary>
  );
}
