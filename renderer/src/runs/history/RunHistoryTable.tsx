import { AlertTriangle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LiveRun } from '../model/live-run';
import { formatDateTime, formatDuration } from '../model/format';
import { RunCounts } from '../shared/RunCounts';
import { RunStatusBadge } from '../shared/RunStatusBadge';
import { useLanguage } from '../../i18n/useLanguage';

/** Runs, newest first: flow, trigger, start, duration, counts and status; the flow name opens the run. */
export function RunHistoryTable({ rows }: { rows: LiveRun[] }) {
  const { t } = useTranslation();
  const locale = useLanguage();
  return (
    <table className="rn-table rn-history" data-testid="runs-table">
      <thead>
        <tr>
          <th scope="col">{t('runs.columns.flow')}</th>
          <th scope="col">{t('runs.columns.trigger')}</th>
          <th scope="col">{t('runs.columns.started')}</th>
          <th scope="col">{t('runs.columns.duration')}</th>
          <th scope="col">{t('runs.columns.counts')}</th>
          <th scope="col">{t('runs.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((run) => (
          <tr key={run.id} data-testid="run-row" data-run-id={run.id} data-status={run.status}>
            <th scope="row">
              <Link href={`/runs/${run.id}`} className="rn-link">
                {run.flowName}
              </Link>
              {run.dryRun && <span className="badge badge-info rn-gap-left">{t('runs.detail.dryRun')}</span>}
            </th>
            <td>{t(`runs.trigger.${run.trigger}`)}</td>
            <td>{formatDateTime(run.startedAt, locale)}</td>
            <td className="rn-duration">
              {run.status === 'running'
                ? t('runs.detail.stillRunning')
                : formatDuration(run.durationMs, locale)}
            </td>
            <td>
              <RunCounts counts={run.counts} stopped={run.stopped} />
            </td>
            <td>
              <span className="rn-status-group rn-status-line">
                <RunStatusBadge run={run} />
                {run.warnings !== undefined && (
                  // One image to a screen reader: "3 warnings", not an icon and a bare number.
                  <span
                    className="badge badge-warn"
                    role="img"
                    aria-label={t('runs.warnings.count', { count: run.warnings })}
                    title={t('runs.warnings.count', { count: run.warnings })}
                    data-testid="run-row-warnings"
                  >
                    <AlertTriangle size={12} aria-hidden="true" />
                    {run.warnings}
                  </span>
                )}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
