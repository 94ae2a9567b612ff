import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { KoppelError } from '../../../shared/api/errors';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import { hasErrors } from '../../../shared/flow/flow-problem';
import { api } from '../api/api';
import { useFailureText } from '../api/failure-text';
import { useFlowCatalogStore } from '../stores/flow-catalog-store';
import { useFlowEditorStore } from '../stores/flow-editor-store';
import { useFlowRunStore } from '../stores/flow-run-store';
import { useFlowToastStore } from '../stores/flow-toast-store';

/** A save refused because the flow was saved elsewhere after the editor opened it. */
export interface SaveConflict {
  /** The editor's version, as it was to be saved. */
  mine: FlowDocument;
  /** The version saved elsewhere, as stored now; null when it was deleted elsewhere. */
  theirs: FlowDocument | null;
}

/**
 * What the user does about a conflict: nothing yet, take theirs (for a deleted flow: leave it
 * deleted), keep both, or keep only mine (for a deleted flow: save it again).
 */
export type ConflictChoice = 'keep' | 'loadTheirs' | 'saveCopy' | 'overwrite';

export interface FlowActions {
  /** Saves the flow; false (with a message shown, or a conflict to resolve) when it could not. */
  save(): Promise<boolean>;
  /** Saves if needed, then starts a real run (refused, with the reason, while the flow has errors). */
  run(): Promise<boolean>;
  /** Dry-runs the flow as edited (saved or not): nothing is written. */
  dryRun(): Promise<boolean>;
  /** The save the user has to decide about, if any. */
  conflict: SaveConflict | null;
  resolveConflict(choice: ConflictChoice): Promise<void>;
}

/**
 * Save, run and dry run, with their outcomes told through toasts (worded once, in the language of
 * the moment, failures too). A save that would overwrite a version saved elsewhere (another window,
 * the flows list, `koppel flows import`) becomes a `conflict` for the user to resolve, never a
 * silent loss of either version.
 */
export function useFlowActions(): FlowActions {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const show = useFlowToastStore((state) => state.show);
  const [, navigate] = useLocation();
  const [conflict, setConflict] = useState<SaveConflict | null>(null);

  /** One save of `flow`; `said` words the success (the revision saved). */
  const attempt = useCallback(
    async (flow: FlowDocument, said: (revision: number) => string) => {
      try {
        const saved = await api().flows.save({ flow });
        useFlowEditorStore.getState().markSaved(saved.flow);
        setConflict(null);
        show('success', said(saved.flow.revision));
        return true;
      } catch (error) {
        if (error instanceof KoppelError && error.code === 'conflict') {
          // The other version, to say how it differs and to open it if the user wants it; none
          // when the flow was deleted elsewhere.
          const theirs = await api()
            .flows.get({ id: flow.id })
            .then((stored) => stored.flow)
            .catch((missing: unknown) =>
              missing instanceof KoppelError && missing.code === 'not_found' ? null : undefined,
            );
          if (theirs !== undefined) {
            setConflict({ mine: flow, theirs });
            return false;
          }
        }
        show('error', t('editor.saveFailed', { error: failureWords(error) }));
        return false;
      }
    },
    [show, t, failureWords],
  );

  const save = useCallback(async () => {
    const flow = useFlowEditorStore.getState().document();
    if (!flow) return false;
    return attempt(flow, (revision) => t('editor.saved', { revision }));
  }, [attempt, t]);

  const resolveConflict = useCallback(
    async (choice: ConflictChoice) => {
      const open = conflict;
      if (!open || choice === 'keep') return setConflict(null);
      const { theirs } = open;
      const mine = useFlowEditorStore.getState().document() ?? open.mine;
      if (choice === 'overwrite') {
        // Based on the stored revision (none: saved as new, under its own id): a third save in
        // between is a conflict again.
        await attempt({ ...mine, revision: theirs?.revision ?? 0 }, (revision) =>
          t(theirs ? 'editor.conflict.overwritten' : 'editor.conflict.savedAgain', { revision }),
        );
        return;
      }
      try {
        if (choice === 'loadTheirs') {
          if (!theirs) {
            // Left deleted: nothing of it to edit any more.
            setConflict(null);
            useFlowEditorStore.getState().discard();
            navigate('/flows');
            show('info', t('editor.conflict.leftDeleted', { name: mine.name }));
            return;
          }
          const catalog = await useFlowCatalogStore.getState().load();
          useFlowEditorStore.getState().load(theirs, catalog);
          setConflict(null);
          show('info', t('editor.conflict.loaded', { revision: theirs.revision }));
          return;
        }
        const copy = await api().flows.saveCopy({ flow: mine });
        setConflict(null);
        // The copy is clean where it is saved; the original is as the other save left it.
        useFlowEditorStore.getState().discard();
        navigate(`/flows/${copy.flow.id}`);
        show(
          'success',
          t('editor.conflict.savedCopy', { name: copy.flow.name, original: theirs?.name ?? mine.name }),
        );
      } catch (error) {
        show('error', t('editor.saveFailed', { error: failureWords(error) }));
      }
    },
    [conflict, attempt, navigate, show, t, failureWords],
  );

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

  return { save, run, dryRun, conflict, resolveConflict };
}
