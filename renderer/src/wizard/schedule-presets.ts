import { DEFAULT_TIMEZONE, type Schedule } from '../../../shared/flow/flow-document';

/** The schedules the wizard offers; `template` keeps whatever the template came with. */
export type SchedulePreset = 'every15' | 'hourly' | 'daily' | 'manual' | 'template';

const PRESETS: Record<Exclude<SchedulePreset, 'template'>, Schedule> = {
  every15: { kind: 'interval', everyMinutes: 15, timezone: DEFAULT_TIMEZONE },
  hourly: { kind: 'interval', everyMinutes: 60, timezone: DEFAULT_TIMEZONE },
  daily: { kind: 'cron', cron: '0 6 * * *', timezone: DEFAULT_TIMEZONE },
  manual: { kind: 'manual' },
};

export const SCHEDULE_PRESETS = ['every15', 'hourly', 'daily', 'manual'] as const;

/** The preset a schedule is, or `template` when it is none of them. */
export function presetOf(schedule: Schedule): SchedulePreset {
  if (schedule.kind === 'manual') return 'manual';
  if (schedule.kind === 'interval' && schedule.everyMinutes === 15) return 'every15';
  if (schedule.kind === 'interval' && schedule.everyMinutes === 60) return 'hourly';
  if (schedule.kind === 'cron' && schedule.cron.trim() === '0 6 * * *') return 'daily';
  return 'template';
}

/** The schedule of a preset (`template` gives back the template's own). */
export function scheduleOf(preset: SchedulePreset, template: Schedule): Schedule {
  return preset === 'template' ? template : PRESETS[preset];
}

/** Narrows text (a select's value) to a preset. */
export function isPreset(value: string): value is SchedulePreset {
  return value === 'template' || (SCHEDULE_PRESETS as readonly string[]).includes(value);
}
