import { describe, expect, it } from 'vitest';
import { problemText } from './problem-text';

describe('problem text', () => {
  it('drops the flow prefix and node ids, keeping the rest', () => {
    expect(
      problemText('Flow "Orders": node "Map fields" (85LYGL5zzIJY) has nothing connected to its input.'),
    ).toBe('Node "Map fields" has nothing connected to its input.');
    expect(problemText('Flow "A: b" has no trigger: add "Run by hand" or "On a schedule".')).toBe(
      'Flow "A: b" has no trigger: add "Run by hand" or "On a schedule".',
    );
    expect(
      problemText('Flow "X": node "Filter" (abcdef), field "conditions": Add at least one condition.'),
    ).toBe('Node "Filter", field "conditions": Add at least one condition.');
  });
});
