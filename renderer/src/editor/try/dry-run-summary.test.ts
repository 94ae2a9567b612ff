import { describe, expect, it } from 'vitest';
import type { RunItemSummary } from '../../../../shared/flow/run-records';
import type { RunEvent } from '../../../../shared/flow/run-events';
import { reasons, summariseDryRun } from './dry-run-summary';
import { nodeCountsFrom } from './run-progress';

let id = 0;
function item(overrides: Partial<RunItemSummary>): RunItemSummary {
  id += 1;
  return {
    id,
    runId: 'r1',
    key: `memory:orders:${id}`,
    status: 'succeeded',
    nodeId: 'out',
    reason: null,
    error: null,
    attempts: 1,
    businessKeys: {},
    action: 'wouldCreate',
    targetIds: null,
    retryOf: null,
    startedAt: '2026-11-29T00:00:00.000Z',
    finishedAt: '2026-11-29T00:00:01.000Z',
    ...overrides,
  };
}

describe('dry run summary', () => {
  it('groups records per target by what would happen, and lists the rest where they stopped', () => {
    const items = [
      item({}),
      item({ action: 'wouldUpdate' }),
      item({ status: 'skipped', action: null, reason: 'unchanged' }),
      item({
        status: 'skipped',
        action: null,
        reason: 'unchanged',
        reasons: [{ code: 'unchanged', params: {} }],
      }),
      item({ status: 'failed', action: null, error: { code: 'x', message: 'bad SKU', transient: false } }),
      item({ nodeId: 'filter', status: 'skipped', action: null, reason: 'status is not paid' }),
      item({ nodeId: 'other', action: 'wouldCreate' }),
    ];
    const summary = summariseDryRun(items, ['out', 'other', 'unused']);
    const [out, other, unused] = summary.targets;
    expect([out?.create.length, out?.update.length, out?.skipped.length, out?.failed.length]).toEqual([
      1, 1, 2, 1,
    ]);
    expect(other?.create).toHaveLength(1);
    expect(unused).toEqual({ nodeId: 'unused', create: [], update: [], skipped: [], failed: [] });
    expect(summary.stoppedBefore).toEqual([{ nodeId: 'filter', skipped: [items[5]], failed: [] }]);
    expect(reasons(out?.skipped ?? [], 'en')).toEqual([{ reason: 'unchanged', count: 2 }]);
    // Worded in the UI's language from the codes; a record stored without codes keeps its sentence.
    const dutch = reasons(out?.skipped ?? [], 'nl');
    expect(dutch).toHaveLength(2);
    expect(dutch).toEqual(
      expect.arrayContaining([
        { reason: 'ongewijzigd', count: 1 },
        { reason: 'unchanged', count: 1 },
      ]),
    );
  });

  it('keeps the newest progress per node', () => {
    const base = { runId: 'r1', at: '2026-11-29T00:00:00.000Z' };
    const events: RunEvent[] = [
      { ...base, seq: 1, type: 'nodeProgress', nodeId: 'map', received: 1, passed: 1, skipped: 0, failed: 0 },
      { ...base, seq: 2, type: 'log', level: 'info', message: 'hi' },
      { ...base, seq: 3, type: 'nodeProgress', nodeId: 'map', received: 5, passed: 4, skipped: 1, failed: 0 },
    ];
    expect(nodeCountsFrom(events, { out: { received: 2, passed: 2, skipped: 0, failed: 0 } })).toEqual({
      out: { received: 2, passed: 2, skipped: 0, failed: 0 },
      map: { received: 5, passed: 4, skipped: 1, failed: 0 },
    });
  });
});
