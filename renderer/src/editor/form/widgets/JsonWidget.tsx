import type { WidgetProps } from '../widget-props';
import { ValueInput } from './ValueInput';

/** A free JSON value (a constant, a default): `12`, `true`, `"text"`, `["a","b"]` or plain text. */
export function JsonWidget({ value, onChange, inputId, invalid, ariaLabel }: WidgetProps) {
  return (
    <ValueInput
      id={inputId}
      aria-label={ariaLabel}
      value={value}
      onValue={onChange}
      aria-invalid={invalid}
      className="ed-mono"
    />
  );
}
