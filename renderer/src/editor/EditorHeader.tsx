import { useReactFlow, useStoreApi } from '@xyflow/react';
import { ArrowLeft, FlaskConical, LayoutGrid, Maximize, Play, Redo2, Save, Undo2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { hasErrors } from '../../../shared/flow/flow-problem';
import { useFlowEditorStore } from '../stores/flow-editor-store';
import { useFlowRunStore } from '../stores/flow-run-store';
import { openingView } from './canvas/opening-view';
import { nodesBounds } from './model/layout';
import type { BottomTab } from './BottomPanel';
import type { FlowActions } from './useFlowActions';

/** The panel a run button opens: the problems when they keep the flow from running (the notice points there). */
function panelFor(tab: BottomTab): BottomTab {
  return hasErrors(useFlowEditorStore.getState().problems) ? 'problems' : tab;
}

/** The editor's toolbar: back, the flow's name and state, undo/redo, layout, run and save. */
export function EditorHeader({ actions, onRan }: { actions: FlowActions; onRan(tab: BottomTab): void }) {
  const { t } = useTranslation();
  const name = useFlowEditorStore((state) => state.meta?.name ?? '');
  const revision = useFlowEditorStore((state) => state.meta?.revision ?? 0);
  const dirty = useFlowEditorStore((state) => state.dirty);
  const canUndo = useFlowEditorStore((state) => (state.history?.past.length ?? 0) > 0);
  const canRedo = useFlowEditorStore((state) => (state.history?.future.length ?? 0) > 0);
  const setMeta = useFlowEditorStore((state) => state.setMeta);
  const undo = useFlowEditorStore((state) => state.undo);
  const redo = useFlowEditorStore((state) => state.redo);
  const tidy = useFlowEditorStore((state) => state.tidy);
  const running = useFlowRunStore((state) => state.starting || state.run?.status === 'running');
  const { fitView, setViewport } = useReactFlow();
  const canvas = useStoreApi();
  // "Zoom to fit" shows everything; after tidying, text stays readable: the view a flow opens
  // with (a long flow from its start; the minimap shows the rest).
  const fit = () => void fitView({ padding: 0.2, maxZoom: 1, duration: 200 });
  const fitReadable = () => {
    const { width, height } = canvas.getState();
    const { nodes } = useFlowEditorStore.getState();
    if (nodes.length === 0 || width === 0 || height === 0) return;
    void setViewport(openingView(nodesBounds(nodes), width, height), { duration: 200 });
  };

  return (
    <header className="ed-header">
      <Link
        href="/flows"
        className="ed-icon-button ed-back"
        aria-label={t('editor.backToFlows')}
        data-testid="editor-back"
      >
        <ArrowLeft size={18} aria-hidden="true" />
      </Link>
      <div className="ed-title">
        <input
          type="text"
          className="ed-title-input ed-flow-title"
          value={name}
          aria-label={t('editor.flow.name')}
          onChange={(event) => setMeta({ name: event.target.value }, 'meta:name')}
          data-testid="flow-title"
        />
        <span className={dirty ? 'ed-dirty' : 'ed-clean'} data-testid="save-state" role="status">
          {dirty ? t('editor.unsaved') : t('editor.savedRevision', { revision })}
        </span>
      </div>
      <div className="ed-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        <button
          type="button"
          className="ed-icon-button"
          onClick={undo}
          disabled={!canUndo}
          aria-label={t('editor.undo')}
          title={t('editor.undoKeys')}
          data-testid="undo"
        >
          <Undo2 size={17} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="ed-icon-button"
          onClick={redo}
          disabled={!canRedo}
          aria-label={t('editor.redo')}
          title={t('editor.redoKeys')}
          data-testid="redo"
        >
          <Redo2 size={17} aria-hidden="true" />
        </button>
        <span className="ed-separator" aria-hidden="true" />
        <button
          type="button"
          className="ed-icon-button"
          onClick={() => {
            tidy();
            requestAnimationFrame(fitReadable);
          }}
          aria-label={t('editor.tidy')}
          title={t('editor.tidy')}
          data-testid="tidy"
        >
          <LayoutGrid size={17} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="ed-icon-button"
          onClick={fit}
          aria-label={t('editor.fit')}
          title={t('editor.fit')}
          data-testid="fit"
        >
          <Maximize size={17} aria-hidden="true" />
        </button>
        <span className="ed-separator" aria-hidden="true" />
        <button
          type="button"
          className="button button-secondary"
          disabled={running}
          onClick={() => {
            onRan(panelFor('dryRun'));
            void actions.dryRun();
          }}
          data-testid="dry-run"
        >
          <FlaskConical size={15} aria-hidden="true" />
          {t('editor.dryRunButton')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={running}
          onClick={() => {
            onRan(panelFor('runLog'));
            void actions.run();
          }}
          data-testid="run"
        >
          <Play size={15} aria-hidden="true" />
          {dirty ? t('editor.saveAndRun') : t('editor.runButton')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void actions.save()}
          title={t('editor.saveKeys')}
          data-testid="save"
        >
          <Save size={15} aria-hidden="true" />
          {t('editor.save')}
        </button>
      </div>
    </header>
  );
}
