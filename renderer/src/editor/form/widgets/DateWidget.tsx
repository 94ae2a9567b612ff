import { DateInput } from '../../../components/date-input/DateInput';
import type { WidgetProps } from '../widget-props';

/**
 * `YYYY-MM-DD` for dates, typed or picked in the UI's language; for date-times (no setting has one
 * yet) the browser's own input, the local time shown, stored as ISO in UTC.
 */
export function DateWidget({ field, value, onChange, inputId, invalid, ariaLabel }: WidgetProps) {
  const text = typeof value === 'string' ? value : '';
  if (field.widget === 'date') {
    return (
      <DateInput
        id={inputId}
        ariaLabel={ariaLabel}
        value={text}
        invalid={invalid}
        onChange={(day) => onChange(day || undefined)}
      />
    );
  }
  const local = text ? toLocalInput(text) : '';
  return (
    <input
      id={inputId}
      aria-label={ariaLabel}
      type="datetime-local"
      value={local}
      aria-invalid={invalid}
      onChange={(event) =>
        onChange(event.target.value ? new Date(event.target.value).toISOString() : undefined)
      }
    />
  );
}

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
