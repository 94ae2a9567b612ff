import { Gauge } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { runsOnSchedule } from '../../../../shared/flow/flow-document';
import { useFailureText } from '../../api/failure-text';
import { EmptyState } from '../../components/EmptyState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { DailyChart } from '../../runs/charts/DailyChart';
import { fillDays, totals } from '../../runs/model/dashboard-model';
import { localDay } from '../../runs/model/format';
import { FlowHealthCard } from './FlowHealthCard';
import { HealthLine } from './HealthLine';
import { TopErrors } from './TopErrors';
import { WaitingRecords } from './WaitingRecords';
import { DASHBOARD_DAYS, useDashboard } from './useDashboard';
import '../../runs/runs.css';

/** Every morning's look: health of all flows, 30 days of figures, and the errors that come back most. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const { data, error, reload } = useDashboard();
  const now = Date.now();
  const header = <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />;
  if (error) {
    return (
      <div className="screen" data-testid="screen-dashboard">
        {header}
        <p className="form-error" role="alert">
          {failureWords(error)}
        </p>
      </div>
    );
  }
  if (!data) {
    return (
      <div className="screen" data-testid="screen-dashboard">
        {header}
        <p className="rn-muted">{t('runs.loading')}</p>
      </div>
    );
  }
  const points = fillDays(data.overall.days, localDay(now), DASHBOARD_DAYS);
  const sum = totals(points);
  // Runs of flows not saved here count in the figures too: a template run with `koppel run`, or a
  // flow deleted since (its runs stay in the history until retention removes them).
  const figures = sum.synced + sum.failed > 0 || data.overall.topErrors.length > 0;
  // Something to report: a run, or a flow on a schedule (its next run, or why none will come).
  const reporting =
    figures ||
    data.waiting.records.length > 0 ||
    data.flows.some((flow) => flow.lastRun !== null || runsOnSchedule(flow));
  if (!reporting) {
    return (
      <div className="screen" data-testid="screen-dashboard">
        {header}
        <EmptyState
          icon={Gauge}
          title={t('dashboard.emptyTitle')}
          body={t('dashboard.emptyBody')}
          action={<LinkButton to="/flows">{t('dashboard.emptyAction')}</LinkButton>}
          testId="dashboard-empty"
        />
      </div>
    );
  }
  return (
    <div className="screen rn-screen-wide" data-testid="screen-dashboard">
      {header}
      <HealthLine flows={data.flows} healthRuns={data.healthRuns} otherRuns={figures} />
      <div className="db-top">
        <section className="card db-overall" aria-labelledby="overall-title">
          <div className="card-title">
            <h2 id="overall-title">{t('dashboard.allFlows')}</h2>
          </div>
          <DailyChart
            points={points}
            height={200}
            label={t('dashboard.chartLabel', {
              flow: t('dashboard.allFlows'),
              count: sum.synced,
              failed: sum.failed,
            })}
            testId="overall-chart"
          />
        </section>
        <TopErrors errors={data.overall.topErrors} />
      </div>
      <WaitingRecords waiting={data.waiting} flows={data.flows} now={now} onChanged={reload} />
      <div className="db-flows">
        {data.flows.map((flow) => {
          const stats = data.perFlow[flow.id];
          return stats ? (
            <FlowHealthCard
              key={flow.id}
              flow={flow}
              stats={stats}
              health={data.healthRuns[flow.id] ?? null}
              now={now}
            />
          ) : null;
        })}
      </div>
    </div>
  );
}
