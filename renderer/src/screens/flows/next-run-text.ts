import type { FlowSummary } from '../../../../shared/api/calls/flows';

type NextRunKey = 'dashboard.manualOnly' | 'dashboard.notScheduled' | 'dashboard.paused';

/**
 * Why a flow has no next run, in a few words ("By hand only", "Paused", …), or null when it has one
 * (the screen shows that time its own way). The flows list and the dashboard say it alike.
 */
export function noNextRunText(
  t: (key: NextRunKey) => string,
  flow: Pick<FlowSummary, 'nextRunAt' | 'schedule' | 'enabled'>,
): string | null {
  if (flow.nextRunAt !== null) return null;
  if (flow.schedule.kind === 'manual') return t('dashboard.manualOnly');
  return flow.enabled ? t('dashboard.notScheduled') : t('dashboard.paused');
}
