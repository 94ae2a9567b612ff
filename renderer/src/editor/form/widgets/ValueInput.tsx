import { useEffect, useState, type InputHTMLAttributes } from 'react';
import type { JsonValue } from '../../../../../shared/flow/json';
import { formatValueText, parseValueText } from '../json-value';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: unknown;
  onValue(value: JsonValue | undefined): void;
};

/**
 * A one-line box for a JSON value (`12`, `true`, `["a","b"]` or plain text). It keeps what the user
 * typed while it reads back as the same value, so quotes and half-typed numbers do not jump.
 */
export function ValueInput({ value, onValue, ...rest }: Props) {
  const [text, setText] = useState(() => formatValueText(value));
  useEffect(() => {
    setText((current) =>
      JSON.stringify(parseValueText(current)) === JSON.stringify(value) ? current : formatValueText(value),
    );
  }, [value]);
  return (
    <input
      type="text"
      {...rest}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onValue(parseValueText(event.target.value));
      }}
    />
  );
}
