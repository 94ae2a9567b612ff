import type { HostKind } from '../../../shared/api/calls/app';

/** The wording of what keeps the schedules going once the wizard is done. */
export type ScheduleKeeper =
  'wizard.enable.whileTray' | 'wizard.enable.whileOpen' | 'wizard.enable.whileServing';

/**
 * What the "All set" step adds to "your flows run on their schedule": the schedules run in the
 * process that shows this page, so they stop with it. The desktop app keeps running in the tray
 * when its window closes (unless turned off); the web host runs until its command is stopped.
 */
export function scheduleKeeper(host: HostKind | undefined, keepRunning: boolean): ScheduleKeeper | null {
  if (host === 'electron') return keepRunning ? 'wizard.enable.whileTray' : 'wizard.enable.whileOpen';
  if (host === 'web') return 'wizard.enable.whileServing';
  return null;
}
