import { Plus, Upload, Workflow } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { FlowSummary } from '../../../../shared/api/calls/flows';
import { flowIdInText } from '../../../../shared/flow/migrations';
import { api } from '../../api/api';
import { useFailureText } from '../../api/failure-text';
import { EmptyState } from '../../components/EmptyState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import '../../editor/editor.css';
import { ConfirmDialog } from '../../editor/ui/ConfirmDialog';
import { Toasts } from '../../editor/ui/Toasts';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { useFlowListStore } from '../../stores/flow-list-store';
import { useRunLiveStore } from '../../stores/run-live-store';
import { useFlowsChanged } from '../../api/useFlowsChanged';
import { useFlowToastStore } from '../../stores/flow-toast-store';
import { downloadText } from '../../components/files';
import { FlowRow, type FlowRowActions } from './FlowRow';
import { NewFlowDialog } from './NewFlowDialog';
import { RenameFlowDialog } from './RenameFlowDialog';

/** `#/flows`: every flow with its state; new (blank or template), import, export, duplicate, rename, delete. */
export function FlowsScreen() {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const [, navigate] = useLocation();
  const flows = useFlowListStore((state) => state.flows);
  const error = useFlowListStore((state) => state.error);
  const load = useFlowListStore((state) => state.load);
  const show = useFlowToastStore((state) => state.show);
  const draftId = useFlowEditorStore((state) => (state.dirty ? state.meta?.id : undefined));
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<FlowSummary | null>(null);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);
  /** A chosen file holding a flow that is already here: replace it, or add the file as a copy? */
  const [importing, setImporting] = useState<{ json: string; existing: FlowSummary } | null>(null);
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => void load(), [load]);
  useFlowsChanged(() => void load());
  // A run starting or ending (here, on a schedule, or in another Koppel process) shows in its row.
  const runActivity = useRunLiveStore((state) => state.finishedVersion + state.startedRuns.length);
  const activitySeen = useRef(runActivity);
  useEffect(() => {
    if (runActivity === activitySeen.current) return;
    activitySeen.current = runActivity;
    const timer = setTimeout(() => void load(), 300);
    return () => clearTimeout(timer);
  }, [runActivity, load]);

  const attempt = async (work: () => Promise<string | undefined>) => {
    try {
      const done = await work();
      if (done) show('success', done);
    } catch (failure) {
      // A toast is worded once, in the language of the moment, as its other texts are.
      show('error', failureWords(failure));
    }
    await load();
  };

  const actions: FlowRowActions = {
    onToggle: (flow, enabled) =>
      void attempt(async () => {
        await api().flows.setEnabled({ id: flow.id, enabled });
        return enabled
          ? t('flows.enabledOn', { name: flow.name })
          : t('flows.enabledOff', { name: flow.name });
      }),
    onRename: setRenaming,
    onDuplicate: (flow) =>
      void attempt(async () => {
        const copy = await api().flows.duplicate({ id: flow.id });
        return t('flows.duplicated', { name: copy.flow.name });
      }),
    onExport: (flow) =>
      void attempt(async () => {
        const exported = await api().flows.export({ id: flow.id });
        downloadText(exported.fileName, exported.json);
        return t('flows.exported', { file: exported.fileName });
      }),
    onDelete: setDeleting,
  };

  const importJson = (json: string, replacing?: FlowSummary) =>
    attempt(async () => {
      const imported = await api().flows.import({ json, replace: replacing !== undefined });
      const errors = imported.problems.filter((problem) => problem.severity === 'error').length;
      if (replacing)
        return errors > 0
          ? t('flows.replacedWithProblems', { name: replacing.name, count: errors })
          : t('flows.replaced', { name: replacing.name });
      return errors > 0
        ? t('flows.importedWithProblems', { name: imported.flow.name, count: errors })
        : t('flows.imported', { name: imported.flow.name });
    });

  const importFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    const json = await chosen.text();
    if (file.current) file.current.value = '';
    // The same flow again (exported here, or a colleague's newer version): ask, instead of a
    // second flow of the same name appearing beside it.
    const id = flowIdInText(json);
    const existing = id === undefined ? undefined : flows?.find((flow) => flow.id === id);
    if (existing) setImporting({ json, existing });
    else await importJson(json);
  };

  const headerActions = (
    <>
      {/* The setup wizard: a whole integration from the templates, with choices read from both systems. */}
      <LinkButton to="/wizard" variant="secondary">
        {t('wizard.newIntegration')}
      </LinkButton>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => file.current?.click()}
        data-testid="import-flow"
      >
        <Upload size={15} aria-hidden="true" />
        {t('flows.import')}
      </button>
      <button
        type="button"
        className="button button-primary"
        onClick={() => setCreating(true)}
        data-testid="new-flow"
      >
        <Plus size={15} aria-hidden="true" />
        {t('flows.newFlow')}
      </button>
    </>
  );

  return (
    <div className="screen" data-testid="screen-flows">
      <PageHeader title={t('flows.title')} subtitle={t('flows.subtitle')} actions={headerActions} />
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={(event) => void importFile(event.target.files?.[0])}
        data-testid="import-file"
        aria-label={t('flows.import')}
      />
      {error && (
        <p className="form-error" role="alert">
          {failureWords(error)}
        </p>
      )}
      {flows && flows.length === 0 && (
        <EmptyState
          icon={Workflow}
          title={t('flows.emptyTitle')}
          body={t('flows.emptyBody')}
          action={
            <span className="ed-actions-row">
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                <Plus size={15} aria-hidden="true" />
                {t('flows.emptyCreate')}
              </button>
              <LinkButton to="/connections" variant="secondary">
                {t('flows.emptyAction')}
              </LinkButton>
            </span>
          }
          testId="flows-empty"
        />
      )}
      {flows && flows.length > 0 && (
        <div className="ed-table-wrap">
          <table className="ed-table" data-testid="flows-table">
            <thead>
              <tr>
                <th scope="col">{t('flows.columns.name')}</th>
                <th scope="col">{t('flows.columns.enabled')}</th>
                <th scope="col">{t('flows.columns.schedule')}</th>
                <th scope="col">{t('flows.columns.lastRun')}</th>
                <th scope="col">{t('flows.columns.nextRun')}</th>
                <th scope="col">
                  <span className="ed-sr-only">{t('flows.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {flows.map((flow) => (
                <FlowRow key={flow.id} flow={flow} actions={actions} draft={flow.id === draftId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewFlowDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/flows/${id}`)}
      />
      <RenameFlowDialog
        flow={renaming}
        onClose={() => setRenaming(null)}
        onDone={(names) => {
          setRenaming(null);
          show('success', t('flows.renamed', names));
          void load();
        }}
      />
      <ConfirmDialog
        open={importing !== null}
        title={t('flows.importSame.title')}
        onCancel={() => setImporting(null)}
        testId="import-dialog"
        actions={[
          { label: t('flows.cancel'), onClick: () => setImporting(null) },
          {
            label: t('flows.importSame.copy'),
            variant: 'secondary',
            testId: 'import-copy',
            onClick: () => {
              setImporting(null);
              if (importing) void importJson(importing.json);
            },
          },
          {
            label: t('flows.importSame.replace'),
            variant: 'primary',
            testId: 'import-replace',
            onClick: () => {
              setImporting(null);
              if (importing) void importJson(importing.json, importing.existing);
            },
          },
        ]}
      >
        <p>{t('flows.importSame.body', { name: importing?.existing.name ?? '' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t('flows.delete.title')}
        onCancel={() => setDeleting(null)}
        testId="delete-dialog"
        actions={[
          { label: t('flows.cancel'), onClick: () => setDeleting(null) },
          {
            label: t('flows.delete.confirm'),
            variant: 'danger',
            testId: 'delete-confirm',
            onClick: () => {
              const flow = deleting;
              setDeleting(null);
              if (flow)
                void attempt(async () => {
                  await api().flows.delete({ id: flow.id });
                  if (useFlowEditorStore.getState().meta?.id === flow.id)
                    useFlowEditorStore.getState().discard();
                  return t('flows.deleted', { name: flow.name });
                });
            },
          },
        ]}
      >
        <p>{t('flows.delete.body', { name: deleting?.name ?? '' })}</p>
      </ConfirmDialog>
      <Toasts />
    </div>
  );
}
