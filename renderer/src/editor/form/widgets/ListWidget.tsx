import { useEffect, useState } from 'react';
import type { WidgetProps } from '../widget-props';

/** Splits "1, 2, 3" into items: numbers for number lists; empty entries dropped. */
export function parseList(text: string, numeric: boolean): (string | number)[] {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return numeric ? parts.map(Number).filter((value) => Number.isFinite(value)) : parts;
}

/** A list of plain values (branch numbers, statuses) typed as "1, 2, 3". */
export function ListWidget({ field, value, onChange, inputId, invalid, ariaLabel }: WidgetProps) {
  const items = field.schema.items;
  const itemType = typeof items === 'object' && items !== null && 'type' in items ? items.type : undefined;
  const numeric = itemType === 'number' || itemType === 'integer';
  const shown = Array.isArray(value) ? value.join(', ') : '';
  const [text, setText] = useState(shown);
  useEffect(() => {
    setText((current) =>
      JSON.stringify(parseList(current, numeric)) === JSON.stringify(value ?? []) ? current : shown,
    );
  }, [value, shown, numeric]);
  return (
    <input
      id={inputId}
      aria-label={ariaLabel}
      type="text"
      value={text}
      aria-invalid={invalid}
      placeholder={numeric ? '1, 2, 3' : 'a, b, c'}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseList(event.target.value, numeric));
      }}
    />
  );
}
