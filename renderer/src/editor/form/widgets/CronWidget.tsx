import { useTranslation } from 'react-i18next';
import { cronPreview } from '../cron-preview';
import type { WidgetProps } from '../widget-props';

/** A cron expression with the next three times it fires (or why it is not valid). */
export function CronWidget({ value, onChange, inputId, invalid, ariaLabel }: WidgetProps) {
  return (
    <CronInput
      id={inputId}
      ariaLabel={ariaLabel}
      value={typeof value === 'string' ? value : ''}
      onChange={onChange}
      invalid={invalid}
      timezone="Europe/Amsterdam"
    />
  );
}

export function CronInput({
  id,
  value,
  onChange,
  invalid,
  timezone,
  ariaLabel,
}: {
  id: string;
  ariaLabel?: string | undefined;
  value: string;
  onChange(value: string): void;
  invalid: boolean;
  timezone: string;
}) {
  const { t, i18n } = useTranslation();
  const preview = value.trim() ? cronPreview(value, timezone) : null;
  const format = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: timezone,
  });
  return (
    <div className="ed-cron">
      <input
        id={id}
        aria-label={ariaLabel}
        type="text"
        className="ed-mono"
        value={value}
        placeholder="0 * * * *"
        aria-invalid={invalid || preview?.ok === false}
        aria-describedby={`${id}-preview`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className={`ed-field-note${preview?.ok === false ? ' ed-error-text' : ''}`} id={`${id}-preview`}>
        {preview === null
          ? t('editor.form.cronHelp')
          : preview.ok
            ? t('editor.form.cronNext', {
                times: preview.next.map((date) => format.format(date)).join(' · '),
              })
            : preview.message}
      </p>
    </div>
  );
}
