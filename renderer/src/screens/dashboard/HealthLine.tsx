import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FlowSummary } from '../../../../shared/api/calls/flows';
import type { RunSummary } from '../../../../shared/flow/run-records';
import { isBlocked, overallHealth } from '../../runs/model/dashboard-model';

/**
 * One line: all green, or how many flows are failing and which; above it, the scheduled flows the
 * scheduler will not start because they cannot run (a connection gone, a setting missing).
 */
export function HealthLine({
  flows,
  healthRuns,
  otherRuns,
}: {
  flows: FlowSummary[];
  healthRuns: Record<string, RunSummary | null>;
  /** The figures below hold runs: if none is a saved flow's, they are other flows'. */
  otherRuns: boolean;
}) {
  const { t } = useTranslation();
  const blocked = flows.filter(isBlocked);
  return (
    <>
      {blocked.length > 0 && (
        <p className="db-health db-health-failing" data-testid="health-blocked" role="status">
          <AlertTriangle size={20} aria-hidden="true" />{' '}
          {t('dashboard.healthBlocked', { count: blocked.length })}{' '}
          {blocked.map((flow, index) => (
            <span key={flow.id}>
              <Link href={`/flows/${flow.id}`} className="rn-link">
                {flow.name}
              </Link>
              {/* The line is a flex row: the comma stays with the name before it, the gap spaces them. */}
              {index < blocked.length - 1 && ','}
            </span>
          ))}
        </p>
      )}
      {/* The flows that cannot run are said above, not again as failing. */}
      <RunHealth
        flows={flows.filter((flow) => !isBlocked(flow))}
        healthRuns={healthRuns}
        quietWhenEmpty={blocked.length > 0}
        otherRuns={otherRuns}
      />
    </>
  );
}

function RunHealth({
  flows,
  healthRuns,
  quietWhenEmpty,
  otherRuns,
}: {
  flows: FlowSummary[];
  healthRuns: Record<string, RunSummary | null>;
  /** Say nothing when no (other) flow has run: a line above already tells what matters. */
  quietWhenEmpty: boolean;
  otherRuns: boolean;
}) {
  const { t } = useTranslation();
  const health = overallHealth(flows.map((flow) => ({ id: flow.id, run: healthRuns[flow.id] ?? null })));
  if (health.state === 'empty') {
    if (quietWhenEmpty) return null;
    return (
      <p className="db-health db-health-empty" data-testid="health-line" data-state="empty">
        {t(otherRuns ? 'dashboard.healthOtherRuns' : 'dashboard.healthNoRuns')}
      </p>
    );
  }
  if (health.state === 'green') {
    return (
      <p className="db-health db-health-green" data-testid="health-line" data-state="green" role="status">
        <CheckCircle2 size={20} aria-hidden="true" /> {t('dashboard.healthGreen', { count: health.flows })}
      </p>
    );
  }
  const failing = flows.filter((flow) => health.failing.includes(flow.id));
  return (
    <p className="db-health db-health-failing" data-testid="health-line" data-state="failing" role="status">
      <AlertTriangle size={20} aria-hidden="true" /> {t('dashboard.healthFailing', { count: failing.length })}{' '}
      {failing.map((flow, index) => (
        <span key={flow.id}>
          {healthRuns[flow.id] ? (
            <Link href={`/runs/${healthRuns[flow.id]?.id}`} className="rn-link">
              {flow.name}
            </Link>
          ) : (
            flow.name
          )}
          {index < failing.length - 1 && ','}
        </span>
      ))}
    </p>
  );
}
