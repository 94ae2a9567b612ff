import { describe, expect, it } from 'vitest';
import { formatValueText, parseValueText } from './json-value';

describe('value text', () => {
  it('reads JSON where it parses and plain text otherwise', () => {
    expect(parseValueText('12')).toBe(12);
    expect(parseValueText('true')).toBe(true);
    expect(parseValueText('["a", 1]')).toEqual(['a', 1]);
    expect(parseValueText('"12"')).toBe('12');
    expect(parseValueText('hello world')).toBe('hello world');
    expect(parseValueText('  ')).toBeUndefined();
  });

  it('shows values so that they read back the same', () => {
    for (const value of ['plain', '12', 'true', 12, false, null, ['x'], { a: 1 }, '"quoted"']) {
      expect(parseValueText(formatValueText(value))).toEqual(value);
    }
    expect(formatValueText('plain')).toBe('plain');
    expect(formatValueText('12')).toBe('"12"');
    expect(formatValueText(undefined)).toBe('');
  });
});
