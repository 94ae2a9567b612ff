import { useEffect, useState } from 'react';
import type { WidgetProps } from '../widget-props';

/** A number with its bounds and unit; empty means "not set" (the default applies). */
export function NumberWidget({ field, value, onChange, inputId, invalid, ariaLabel }: WidgetProps) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  useEffect(() => {
    setText((current) =>
      Number(current) === value && current !== '' ? current : typeof value === 'number' ? String(value) : '',
    );
  }, [value]);
  const integer = field.schema.type === 'integer';
  return (
    <span className="ed-number">
      <input
        id={inputId}
        aria-label={ariaLabel}
        type="number"
        value={text}
        min={field.minimum}
        max={field.maximum}
        step={integer ? 1 : 'any'}
        placeholder={field.defaultValue !== undefined ? String(field.defaultValue) : undefined}
        aria-invalid={invalid}
        onChange={(event) => {
          setText(event.target.value);
          const next = event.target.value === '' ? undefined : Number(event.target.value);
          onChange(next !== undefined && Number.isNaN(next) ? event.target.value : next);
        }}
      />
      {field.hint.unit && <span className="ed-unit">{field.hint.unit}</span>}
    </span>
  );
}
