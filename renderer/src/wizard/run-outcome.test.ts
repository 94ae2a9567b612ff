import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/flow/run-events';
import type { RunItemSummary, RunSummary } from '../../../shared/flow/run-records';
import { recordLabel, succeeded, summariseRun } from './run-outcome';

const run = (overrides: Partial<RunSummary> = {}): RunSummary => ({
  id: 'run-1',
  flowId: 'f',
  flowName: 'F',
  flowRevision: 1,
  trigger: 'manual',
  parentRunId: null,
  dryRun: true,
  status: 'succeeded',
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:01Z',
  durationMs: 1000,
  counts: { total: 4, succeeded: 2, skipped: 1, failed: 1 },
  error: null,
  lastSeq: 10,
  ...overrides,
});

let nextId = 1;
const item = (overrides: Partial<RunItemSummary>): RunItemSummary => ({
  id: nextId++,
  runId: 'run-1',
  key: 'mplus:order:1',
  status: 'succeeded',
  nodeId: null,
  reason: null,
  error: null,
  attempts: 1,
  businessKeys: {},
  action: null,
  targetIds: null,
  retryOf: null,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:01Z',
  ...overrides,
});

const failure = (message: string) => ({ code: 'x', message, transient: false });

describe('what a run did', () => {
  it('counts what would be created or updated, and puts failures first among the examples', () => {
    const outcome = summariseRun(run(), [
      item({ action: 'wouldCreate', businessKeys: { orderNumber: 'K-1' } }),
      item({ action: 'wouldUpdate', businessKeys: { email: 'a@b.nl' } }),
      item({ status: 'skipped', reason: 'unchanged', key: 'mplus:order:3' }),
      item({ status: 'failed', error: failure('No tax rule for DE'), businessKeys: { orderNumber: 'K-4' } }),
    ]);
    expect(outcome).toMatchObject({ created: 1, updated: 1, skipped: 1, failed: 1, dryRun: true });
    expect(outcome.examples[0]).toMatchObject({
      label: 'K-4',
      status: 'failed',
      reason: 'No tax rule for DE',
    });
    expect(outcome.examples.map((e) => e.label)).toEqual(['K-4', 'K-1', 'a@b.nl', 'mplus:order:3']);
    expect(succeeded(outcome)).toBe(false);
  });

  it('ranks the failure reasons by how often they occur', () => {
    const outcome = summariseRun(run({ counts: { total: 3, succeeded: 0, skipped: 0, failed: 3 } }), [
      item({ status: 'failed', error: failure('A') }),
      item({ status: 'failed', error: failure('B') }),
      item({ status: 'failed', error: failure('B') }),
    ]);
    expect(outcome.topErrors).toEqual([
      { message: 'B', count: 2 },
      { message: 'A', count: 1 },
    ]);
  });

  it('keeps what the run warned of, each message once and in the order told, and nothing else of its log', () => {
    const log = (seq: number, level: 'info' | 'warn', message: string): RunEvent => ({
      type: 'log',
      runId: 'run-1',
      seq,
      at: '2026-01-01T00:00:00Z',
      level,
      message,
      ...(level === 'warn' ? { text: { code: 'teamleaderTaxChanged', params: { from: 9, to: 6 } } } : {}),
    });
    const outcome = summariseRun(
      run(),
      [item({ action: 'wouldCreate' })],
      [
        log(1, 'info', 'Run started'),
        log(2, 'warn', '9 % becomes 6 %'),
        log(3, 'warn', 'Stock below zero'),
        log(4, 'warn', '9 % becomes 6 %'),
      ],
    );
    expect(outcome.warnings).toEqual([
      { message: '9 % becomes 6 %', text: { code: 'teamleaderTaxChanged', params: { from: 9, to: 6 } } },
      { message: 'Stock below zero', text: { code: 'teamleaderTaxChanged', params: { from: 9, to: 6 } } },
    ]);
    expect(summariseRun(run(), []).warnings).toEqual([]);
  });

  it('calls a run successful only when it finished with nothing failed', () => {
    const clean = run({ dryRun: false, counts: { total: 1, succeeded: 1, skipped: 0, failed: 0 } });
    expect(succeeded(summariseRun(clean, [item({ action: 'created' })]))).toBe(true);
    const stopped = run({
      status: 'failed',
      counts: { total: 0, succeeded: 0, skipped: 0, failed: 0 },
      error: { code: 'unavailable', message: 'down' },
    });
    expect(succeeded(summariseRun(stopped, []))).toBe(false);
    expect(summariseRun(stopped, []).runError?.message).toBe('down');
  });

  it('labels records by order number, e-mail, SKU, else key', () => {
    expect(recordLabel(item({ businessKeys: { sku: '123' } }))).toBe('123');
    expect(recordLabel(item({ key: 'teamleader:invoice:9' }))).toBe('teamleader:invoice:9');
  });
});
