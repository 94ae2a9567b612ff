import { describe, expect, it } from 'vitest';
import { parseList } from './ListWidget';

describe('comma-separated lists', () => {
  it('reads numbers for number lists and text otherwise, skipping blanks', () => {
    expect(parseList('1, 2,,3 ', true)).toEqual([1, 2, 3]);
    expect(parseList('1, x', true)).toEqual([1]);
    expect(parseList(' paid , open', false)).toEqual(['paid', 'open']);
    expect(parseList('', false)).toEqual([]);
  });
});
