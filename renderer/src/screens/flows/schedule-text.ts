import type { Schedule } from '../../../../shared/flow/flow-document';

type ScheduleKey =
  'flows.schedule.manual' | 'flows.schedule.minutes' | 'flows.schedule.hours' | 'flows.schedule.cron';

/**
 * A flow's schedule in a few words: "By hand", "Every 15 minutes", "Cron 0 * * * *". `t` is i18next's
 * (the flows list) or the canvas's cached `nodeText`.
 */
export function scheduleText(
  t: (key: ScheduleKey, values?: Readonly<Record<string, string | number>>) => string,
  schedule: Schedule,
): string {
  switch (schedule.kind) {
    case 'manual':
      return t('flows.schedule.manual');
    case 'interval':
      return schedule.everyMinutes % 60 === 0
        ? t('flows.schedule.hours', { count: schedule.everyMinutes / 60 })
        : t('flows.schedule.minutes', { count: schedule.everyMinutes });
    case 'cron':
      return t('flows.schedule.cron', { cron: schedule.cron });
  }
}
