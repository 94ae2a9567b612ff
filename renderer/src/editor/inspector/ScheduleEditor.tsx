import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIMEZONE, type Schedule } from '../../../../shared/flow/flow-document';
import { CronInput } from '../form/widgets/CronWidget';
import { BoundedNumberInput } from './BoundedNumberInput';

/** When the flow runs by itself: by hand, every N minutes, or on a cron expression. */
export function ScheduleEditor({
  schedule,
  onChange,
}: {
  schedule: Schedule;
  onChange(schedule: Schedule): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const timezone = schedule.kind === 'manual' ? DEFAULT_TIMEZONE : schedule.timezone;
  return (
    <div className="ed-schedule" role="group" aria-labelledby={`${id}-title`}>
      <span id={`${id}-title`} className="ed-field-label">
        {t('editor.flow.schedule')}
      </span>
      <select
        aria-label={t('editor.flow.scheduleKind')}
        value={schedule.kind}
        onChange={(event) => {
          const kind = event.target.value;
          if (kind === 'manual') onChange({ kind: 'manual' });
          else if (kind === 'interval') onChange({ kind: 'interval', everyMinutes: 15, timezone });
          else onChange({ kind: 'cron', cron: '0 * * * *', timezone });
        }}
        data-testid="schedule-kind"
      >
        <option value="manual">{t('editor.flow.manual')}</option>
        <option value="interval">{t('editor.flow.interval')}</option>
        <option value="cron">{t('editor.flow.cron')}</option>
      </select>
      {schedule.kind === 'interval' && (
        <label className="ed-stack">
          <span>{t('editor.flow.everyMinutes')}</span>
          <BoundedNumberInput
            value={schedule.everyMinutes}
            min={1}
            max={10080}
            whole
            onChange={(everyMinutes) => onChange({ ...schedule, everyMinutes })}
          />
        </label>
      )}
      {schedule.kind === 'cron' && (
        <CronInput
          id={`${id}-cron`}
          ariaLabel={t('editor.flow.cron')}
          value={schedule.cron}
          onChange={(cron) => onChange({ ...schedule, cron })}
          invalid={false}
          timezone={timezone}
        />
      )}
      {schedule.kind !== 'manual' && (
        <label className="ed-stack">
          <span>{t('editor.flow.timezone')}</span>
          <input
            type="text"
            value={schedule.timezone}
            onChange={(event) => onChange({ ...schedule, timezone: event.target.value })}
          />
        </label>
      )}
    </div>
  );
}
