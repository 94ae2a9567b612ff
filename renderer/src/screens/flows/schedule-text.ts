import type { TFunction } from 'i18next';
import type { Schedule } from '../../../../shared/flow/flow-document';

/** A flow's schedule in a few words: "By hand", "Every 15 min", "Cron 0 * * * *". */
export function scheduleText(t: TFunction, schedule: Schedule): string {
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
