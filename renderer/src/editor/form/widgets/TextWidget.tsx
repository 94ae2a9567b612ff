import { useLanguage } from '../../../i18n/useLanguage';
import type { WidgetProps } from '../widget-props';

/** Text (one line) or textarea; an emptied optional field is removed from the config. */
export function TextWidget({ field, value, onChange, inputId, invalid, ariaLabel }: WidgetProps) {
  const language = useLanguage();
  const text = typeof value === 'string' ? value : value === undefined ? '' : String(value);
  const placeholder = field.hint.placeholder?.[language];
  const change = (next: string) => onChange(next === '' && !field.required ? undefined : next);
  return field.widget === 'textarea' ? (
    <textarea
      id={inputId}
      aria-label={ariaLabel}
      value={text}
      rows={4}
      placeholder={placeholder}
      aria-invalid={invalid}
      onChange={(event) => change(event.target.value)}
    />
  ) : (
    <input
      id={inputId}
      aria-label={ariaLabel}
      type="text"
      value={text}
      placeholder={placeholder}
      aria-invalid={invalid}
      onChange={(event) => change(event.target.value)}
    />
  );
}
