import { describe, expect, it } from 'vitest';
import type { RunEvent } from './run-events';
import { warningsIn } from './run-warnings';

const log = (seq: number, level: 'info' | 'warn', message: string): RunEvent => ({
  type: 'log',
  runId: 'run-1',
  seq,
  at: '2026-12-01T00:00:00Z',
  level,
  message,
});

describe('a run’s warnings', () => {
  it('adds the warnings of a later page to those already found, each once, up to the most asked for', () => {
    const first = warningsIn([log(1, 'info', 'started'), log(2, 'warn', 'A'), log(3, 'warn', 'A')], 2);
    expect(first).toEqual([{ message: 'A' }]);
    const next = warningsIn([log(4, 'warn', 'A'), log(5, 'warn', 'B'), log(6, 'warn', 'C')], 2, first);
    expect(next).toEqual([{ message: 'A' }, { message: 'B' }]);
  });
});
