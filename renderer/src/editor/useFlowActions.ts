import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { KoppelError } from '../../../shared/api/errors';
import { hasErrors } from '../../../shared/flow/flow-problem';
import { api } from '../api/api';
import { useFailureText } from '../api/failure-text';
import { useFlowEditorStore } from '../stores/flow-editor-store';
import { useFlowRunStore } from '../stores/flow-run-store';
import { useFlowToastStore } from '../stores/flow-toast-store';

export interface FlowActions {
  /** Saves the flow; false (with a message shown) when it could not. */
  save(): Promise<boolean>;
  /** Saves if needed, then starts a real run (refused, with the reason, while the flow has errors). */
  run(): Promise<boolean>;
  /** Dry-runs the flow as edited (saved or not): nothing is written. */
  dryRun(): Promise<boolean>;
}

/**
 * Save, run and dry run, with their outcomes told through toasts (worded once, in the language of
 * the moment, failures too).
 */
export function useFlowActions(): FlowActions {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const show = useFlowToastStore((state) => state.show);

  const save = useCallback(async () => {
    const flow = useFlowEditorStore.getState().document();
    if (!flow) return false;
    try {
      const saved = await api().flows.save({ flow });
      useFlowEditorStore.getState().markSaved(saved.flow);
      show('success', t('editor.saved', { revision: saved.flow.revision }));
      return true;
    } catch (error) {
      show(
        'error',
        error instanceof KoppelError && error.code === 'conflict'
          ? t('editor.saveConflict', { error: failureWords(error) })
          : t('editor.saveFailed', { error: failureWords(error) }),
      );
      return false;
    }
  }, [show, t, failureWords]);

  const run = useCallback(async () => {
    const state = useFlowEditorStore.getState();
    if (!state.meta) return false;
    if (hasErrors(state.problems)) {
      show(
        'error',
        t('editor.runBlocked', { count: state.problems.filter((p) => p.severity === 'error').length }),
      );
      return false;
    }
    if (state.dirty && !(await save())) return false;
    await useFlowRunStore.getState().start({ flowId: state.meta.id });
    const error = useFlowRunStore.getState().error;
    if (error) show('error', t('editor.runFailed', { error: failureWords(error) }));
    return error === null;
  }, [save, show, t, failureWords]);

  const dryRun = useCallback(async () => {
    const flow = useFlowEditorStore.getState().document();
    if (!flow) return false;
    if (hasErrors(useFlowEditorStore.getState().problems)) {
      show(
        'error',
        t('editor.runBlocked', {
          count: useFlowEditorStore.getState().problems.filter((p) => p.severity === 'error').length,
        }),
      );
      return false;
    }
    await useFlowRunStore.getState().start({ flow, dryRun: true });
    const error = useFlowRunStore.getState().error;
    if (error) show('error', t('editor.runFailed', { error: failureWords(error) }));
    return error === null;
  }, [show, t, failureWords]);

  return { save, run, dryRun };
}
