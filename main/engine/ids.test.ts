import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  it('gives 21 letters and digits, never a leading dash the command line would take for an option', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9A-Za-z]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
