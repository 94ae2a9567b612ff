import type { JsonValue } from '../../../../shared/flow/json';

/**
 * Text typed into a value box as a JSON value: numbers, true/false/null, quoted strings, lists and
 * objects parse as JSON; anything else is taken as plain text. Empty text is no value.
 */
export function parseValueText(text: string): JsonValue | undefined {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** A JSON value as the text shown in a value box: plain text for strings that would not parse back otherwise. */
export function formatValueText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    const parsed = parseValueText(value);
    return parsed === value ? value : JSON.stringify(value);
  }
  return JSON.stringify(value);
}
