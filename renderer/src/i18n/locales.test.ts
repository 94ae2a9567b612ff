import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import nl from './locales/nl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('Dutch has every English key and no others', () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it('no string is left empty', () => {
    const empty = [...keys(en), ...keys(nl)].filter((key) => {
      const read = (source: unknown) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], source);
      return read(en) === '' || read(nl) === '';
    });
    expect(empty).toEqual([]);
  });
});
