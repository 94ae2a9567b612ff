import { Copy, Download, Pencil, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FlowSummary } from '../../../../shared/api/calls/flows';
import { isBlocked } from '../../runs/model/dashboard-model';
import { RunStatusBadge } from '../../runs/shared/RunStatusBadge';
import { formatDateTime } from '../../runs/model/format';
import { noNextRunText } from './next-run-text';
import { scheduleText } from './schedule-text';

export interface FlowRowActions {
  onToggle(flow: FlowSummary, enabled: boolean): void;
  onRename(flow: FlowSummary): void;
  onDuplicate(flow: FlowSummary): void;
  onExport(flow: FlowSummary): void;
  onDelete(flow: FlowSummary): void;
}

/** One flow in the list: name, on/off, schedule, last run with its status and counts, next run. */
export function FlowRow({
  flow,
  actions,
  draft,
}: {
  flow: FlowSummary;
  actions: FlowRowActions;
  draft: boolean;
}) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const last = flow.lastRun;
  return (
    <tr data-testid={`flow-row-${flow.id}`}>
      <td>
        <Link href={`/flows/${flow.id}`} className="ed-flow-link" data-testid="flow-open">
          {flow.name}
        </Link>
        <div className="ed-flow-sub">
          {t('flows.nodes', { count: flow.nodeCount })}
          {flow.errors > 0 && (
            <span className="badge badge-danger">{t('flows.problems', { count: flow.errors })}</span>
          )}
          {draft && <span className="badge badge-warn">{t('flows.draft')}</span>}
        </div>
      </td>
      <td>
        <input
          type="checkbox"
          role="switch"
          className="ed-switch"
          checked={flow.enabled}
          aria-label={t('flows.enabledFor', { name: flow.name })}
          onChange={(event) => actions.onToggle(flow, event.target.checked)}
        />
      </td>
      <td>{scheduleText(t, flow.schedule)}</td>
      <td>
        {flow.running ? (
          <span className="badge badge-info">{t('flows.running')}</span>
        ) : last ? (
          <span className="ed-last-run">
            {/* As the dashboard and the run history say it, "fixed by a retry" included. */}
            <RunStatusBadge run={last} />
            <span className="ed-muted">
              {when(last.startedAt)}
              {last.dryRun ? ` · ${t('flows.dry')}` : ''}
            </span>
            <span className="ed-muted">{t('flows.lastCounts', last.counts)}</span>
          </span>
        ) : (
          <span className="ed-muted">{t('flows.never')}</span>
        )}
      </td>
      <td>
        {isBlocked(flow) ? (
          // The scheduler will not start it: the same words as the dashboard's.
          <span className="rn-count-fail">{t('dashboard.blocked', { count: flow.errors })}</span>
        ) : flow.nextRunAt ? (
          when(flow.nextRunAt)
        ) : (
          <span className="ed-muted">{noNextRunText(t, flow)}</span>
        )}
      </td>
      <td className="ed-row-actions">
        <button
          type="button"
          className="ed-icon-button"
          onClick={() => actions.onRename(flow)}
          aria-label={t('flows.renameFlow', { name: flow.name })}
          title={t('flows.rename.title')}
        >
          <Pencil size={15} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="ed-icon-button"
          onClick={() => actions.onDuplicate(flow)}
          aria-label={t('flows.duplicateFlow', { name: flow.name })}
          title={t('flows.duplicate')}
        >
          <Copy size={15} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="ed-icon-button"
          onClick={() => actions.onExport(flow)}
          aria-label={t('flows.exportFlow', { name: flow.name })}
          title={t('flows.export')}
        >
          <Download size={15} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="ed-icon-button ed-danger"
          onClick={() => actions.onDelete(flow)}
          aria-label={t('flows.deleteFlow', { name: flow.name })}
          title={t('flows.delete.title')}
        >
          <Trash2 size={15} aria-hidden="true" />
        </button>
      </td>
    </tr>
  );
}
