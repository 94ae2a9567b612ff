import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { KoppelError } from '../../../shared/api/errors';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import { hasErrors } from '../../../shared/flow/flow-problem';
import type { FlowChange } from '../../../shared/api/events';
import { api, apiClient } from '../api/api';
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

/**
 * The open flow, saved (a newer revision) or deleted (revision null) elsewhere while the editor
 * holds unsaved changes (or, deleted, any time): until the user chooses, a save would conflict.
 */
export interface ChangedElsewhere {
  name: string;
  revision: number | null;
}

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
  /** The open flow changed elsewhere and the editor's version differs: what a save would meet. */
  elsewhere: ChangedElsewhere | null;
  /** Opens the conflict dialog for `elsewhere` now, before a save meets it. */
  review(): Promise<void>;
}

/**
 * Save, run and dry run, with their outcomes told through toasts (worded once, in the language of
 * the moment, failures too). A save that would overwrite a version saved elsewhere (another window,
 * the flows list, `koppel flows import`) becomes a `conflict` for the user to resolve, never a
 * silent loss of either version. A save elsewhere is heard as it happens (`flows.changed`): an editor
 * without unsaved changes shows the new version, one with changes says so (`elsewhere`).
 */
export function useFlowActions(): FlowActions {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const show = useFlowToastStore((state) => state.show);
  const [, navigate] = useLocation();
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [elsewhere, setElsewhere] = useState<ChangedElsewhere | null>(null);
  // This window's own saves are told back too, before their answer: a change heard while one is
  // on its way is judged once it is answered (and the editor knows its new revision).
  const saving = useRef(0);
  const heardWhileSaving = useRef<FlowChange | null>(null);

  /** What a change of the open flow elsewhere means here. */
  const heard = useCallback(
    async (change: FlowChange) => {
      if (saving.current > 0) {
        heardWhileSaving.current = change;
        return;
      }
      const state = useFlowEditorStore.getState();
      const meta = state.meta;
      if (!meta || meta.id !== change.id) return;
      if (change.revision === null) {
        // Never saved here: nothing of it was stored to be deleted (the id is this editor's own).
        if (meta.revision > 0) setElsewhere({ name: change.name, revision: null });
        return;
      }
      if (change.revision <= meta.revision) return;
      if (state.dirty) {
        setElsewhere({ name: change.name, revision: change.revision });
        return;
      }
      // Nothing here to lose: show what is stored now.
      try {
        const [stored, catalog] = await Promise.all([
          api().flows.get({ id: change.id }),
          useFlowCatalogStore.getState().load(),
        ]);
        const now = useFlowEditorStore.getState();
        if (now.meta?.id !== change.id || stored.flow.revision <= now.meta.revision) return;
        if (now.dirty) {
          // Edited while it was being read: the user decides.
          setElsewhere({ name: stored.flow.name, revision: stored.flow.revision });
          return;
        }
        now.load(stored.flow, catalog);
        setElsewhere(null);
        show(
          'info',
          t('editor.elsewhere.reloaded', { name: stored.flow.name, revision: stored.flow.revision }),
        );
      } catch {
        // Deleted again in between, or the host is away: the next change, or a save, tells.
        setElsewhere({ name: change.name, revision: change.revision });
      }
    },
    [show, t],
  );

  useEffect(
    () =>
      apiClient().on('flows.changed', ({ changes }) => {
        const id = useFlowEditorStore.getState().meta?.id;
        const change = changes.find((one) => one.id === id);
        if (change) void heard(change);
      }),
    [heard],
  );

  /** One save of `flow`; `said` words the success (the revision saved). */
  const attempt = useCallback(
    async (flow: FlowDocument, said: (revision: number) => string) => {
      saving.current += 1;
      try {
        const saved = await api().flows.save({ flow });
        useFlowEditorStore.getState().markSaved(saved.flow);
        setConflict(null);
        // Saved over whatever was stored: nothing elsewhere stands in its way any more.
        setElsewhere(null);
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
      } finally {
        saving.current -= 1;
        const change = heardWhileSaving.current;
        if (saving.current === 0 && change) {
          heardWhileSaving.current = null;
          void heard(change);
        }
      }
    },
    [show, t, failureWords, heard],
  );

  const review = useCallback(async () => {
    const mine = useFlowEditorStore.getState().document();
    if (!mine) return;
    try {
      const stored = await api().flows.get({ id: mine.id });
      setConflict({ mine, theirs: stored.flow });
    } catch (error) {
      if (error instanceof KoppelError && error.code === 'not_found') setConflict({ mine, theirs: null });
      else show('error', t('editor.saveFailed', { error: failureWords(error) }));
    }
  }, [show, t, failureWords]);

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
          setElsewhere(null);
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

  return { save, run, dryRun, conflict, resolveConflict, elsewhere, review };
}
