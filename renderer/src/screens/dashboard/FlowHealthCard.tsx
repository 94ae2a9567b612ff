import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FlowSummary } from '../../../../shared/api/calls/flows';
import type { RunStats } from '../../../../shared/api/calls/runs';
import type { RunSummary } from '../../../../shared/flow/run-records';
import { DailyChart } from '../../runs/charts/DailyChart';
import { fillDays, isBlocked, isFailing, totals } from '../../runs/model/dashboard-model';
import { formatCount, formatDateTime, formatRelative, localDay } from '../../runs/model/format';
import { RunStatusBadge } from '../../runs/shared/RunStatusBadge';
import { StatusBadge } from '../../runs/shared/StatusBadge';
import { useLanguage } from '../../i18n/useLanguage';
import { DASHBOARD_DAYS } from './useDashboard';
import { noNextRunText } from '../flows/next-run-text';

/** One flow: last run, next run, and its records per day for 30 days. */
export function FlowHealthCard({
  flow,
  stats,
  health,
  now,
}: {
  flow: FlowSummary;
  stats: RunStats;
  /** The run the flow's health is judged by (its newest that was not a retry). */
  health: RunSummary | null;
  now: number;
}) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const points = fillDays(stats.days, localDay(now), DASHBOARD_DAYS);
  const sum = totals(points);
  const failing = isFailing(health);
  const blocked = isBlocked(flow);
  const next = flow.nextRunAt !== null ? formatRelative(flow.nextRunAt, now, locale) : noNextRunText(t, flow);
  return (
    <article
      className={failing ? 'card db-flow db-flow-failing' : 'card db-flow'}
      data-testid="flow-card"
      data-flow-id={flow.id}
    >
      <div className="card-title">
        <h2>{flow.name}</h2>
        {flow.running ? <StatusBadge status="running" /> : health && <RunStatusBadge run={health} compact />}
      </div>
      <dl className="db-facts">
        <dt>{t('dashboard.lastRun')}</dt>
        <dd data-testid="flow-last-run">
          {flow.lastRun ? (
            <Link
              href={`/runs/${flow.lastRun.id}`}
              className="rn-link"
              title={formatDateTime(flow.lastRun.startedAt, locale)}
            >
              {formatRelative(flow.lastRun.startedAt, now, locale)}
            </Link>
          ) : (
            t('dashboard.never')
          )}
        </dd>
        <dt>{t('dashboard.nextRun')}</dt>
        <dd data-testid="flow-next-run">
          {blocked ? (
            // The scheduler will not start a flow that cannot run: say so, and lead to its problems.
            <Link href={`/flows/${flow.id}`} className="rn-link rn-count-fail">
              {t('dashboard.blocked', { count: flow.errors })}
            </Link>
          ) : (
            next
          )}
        </dd>
        <dt>{t('dashboard.last30')}</dt>
        <dd>
          {t('dashboard.syncedCount', { formatted: formatCount(sum.synced, locale) })} ·{' '}
          <span className={sum.failed > 0 ? 'rn-count-fail' : undefined}>
            {t('dashboard.failedCount', { formatted: formatCount(sum.failed, locale) })}
          </span>
        </dd>
      </dl>
      <DailyChart
        points={points}
        height={120}
        label={t('dashboard.chartLabel', { flow: flow.name, count: sum.synced, failed: sum.failed })}
        testId={`flow-chart-${flow.id}`}
      />
    </article>
  );
}
