import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A number setting with bounds (minutes, attempts, seconds). What is typed stays as typed while it
 * is out of bounds or empty, with a note saying what fits; only a fitting number reaches the flow,
 * and leaving the field puts the last fitting one back. Clamping as you type turned "0" into 1
 * without a word and made a cleared field read "1", so typing "30" gave "130".
 */
export function BoundedNumberInput({
  value,
  min,
  max,
  whole,
  onChange,
}: {
  value: number;
  min: number;
  max: number;
  /** Whole numbers only. */
  whole: boolean;
  onChange(value: number): void;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  const [text, setText] = useState(String(value));
  // A change from elsewhere (undo, another view) replaces the text, unless it already says that.
  useEffect(
    () => setText((current) => (fitting(current, min, max, whole) === value ? current : String(value))),
    [value, min, max, whole],
  );
  const fits = fitting(text, min, max, whole) !== undefined;
  return (
    <>
      <input
        type="number"
        min={min}
        max={max}
        step={whole ? 1 : 'any'}
        value={text}
        aria-invalid={!fits}
        aria-describedby={fits ? undefined : noteId}
        onChange={(event) => {
          setText(event.target.value);
          const next = fitting(event.target.value, min, max, whole);
          if (next !== undefined && next !== value) onChange(next);
        }}
        onBlur={() => {
          if (!fits) setText(String(value));
        }}
      />
      {!fits && (
        <span id={noteId} className="ed-error-text" role="alert">
          {t(whole ? 'editor.flow.wholeNumberRange' : 'editor.flow.numberRange', { min, max })}
        </span>
      )}
    </>
  );
}

/** The number typed, when it is one within the bounds. */
function fitting(entered: string, min: number, max: number, whole: boolean): number | undefined {
  const number = entered.trim() === '' ? Number.NaN : Number(entered);
  if (!Number.isFinite(number) || number < min || number > max) return undefined;
  return whole && !Number.isInteger(number) ? undefined : number;
}
