import type { WidgetProps } from '../widget-props';

/** On/off; shows the default when the config does not set it. */
export function SwitchWidget({ field, value, onChange, inputId, ariaLabel }: WidgetProps) {
  const checked = typeof value === 'boolean' ? value : field.defaultValue === true;
  return (
    <input
      id={inputId}
      aria-label={ariaLabel}
      type="checkbox"
      role="switch"
      className="ed-switch"
      checked={checked}
      aria-checked={checked}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}
