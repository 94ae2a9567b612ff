import { afterEach, describe, expect, it } from 'vitest';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';
import { memoryFlow, sampleOrders } from './testing/memory-flow';

const fixtures: EngineFixture[] = [];
function setup(): EngineFixture {
  const fixture = engineFixture();
  fixtures.push(fixture);
  return fixture;
}
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
});

const strict = memoryFlow({
  transforms: [
    {
      kind: 'core.transform.map',
      id: 'map',
      config: {
        fields: [
          { target: 'sku', source: { kind: 'path', path: 'sku' } },
          { target: 'number', source: { kind: 'path', path: 'orderNumber' } },
        ],
      },
    },
    { kind: 'core.transform.validate', id: 'check', config: { rules: [{ path: 'sku', rule: 'numeric' }] } },
  ],
});
const relaxed = memoryFlow({
  transforms: [
    {
      kind: 'core.transform.map',
      id: 'map',
      config: {
        fields: [
          { target: 'sku', source: { kind: 'path', path: 'sku' } },
          { target: 'number', source: { kind: 'path', path: 'orderNumber' } },
        ],
      },
    },
    {
      kind: 'core.transform.validate',
      id: 'check',
      config: { rules: [{ path: 'sku', rule: 'maxLength', value: 10 }] },
    },
  ],
});

describe('manual retry', () => {
  it('retries failed records from the node they failed at, with the current flow, as a linked run', async () => {
    const { engine, system, store, eventsOf } = setup();
    system.seed('orders', [
      ...sampleOrders(3),
      { id: 'x1', orderNumber: 'ORD-X1', sku: 'AB-1' },
      { id: 'x2', orderNumber: 'ORD-X2', sku: 'AB-2' },
    ]);
    const first = await engine.run({ flow: strict, trigger: 'manual' });
    expect(first.counts).toMatchObject({ total: 5, succeeded: 3, failed: 2 });
    const failed = store.items.failed(first.runId);
    expect(failed.map((item) => item.nodeId)).toEqual(['check', 'check']);

    // The rule was too strict: the user relaxes it and retries all failed records.
    const retry = await engine.run({
      flow: relaxed,
      trigger: 'retry',
      retry: { parentRunId: first.runId, itemIds: failed.map((item) => item.id) },
    });
    expect(retry).toMatchObject({ status: 'succeeded', counts: { total: 2, succeeded: 2 } });
    expect(
      system
        .list('invoices')
        .map((entry) => entry.data.sku)
        .sort(),
    ).toEqual(['40001', '40002', '40003', 'AB-1', 'AB-2']);

    const summary = store.runs.get(retry.runId);
    expect(summary).toMatchObject({ trigger: 'retry', parentRunId: first.runId });
    const retried = store.items.list(retry.runId, { limit: 10, offset: 0 }).items;
    expect(retried.map((item) => item.retryOf)).toEqual(failed.map((item) => item.id));
    expect(retried.map((item) => item.attempts)).toEqual([2, 2]);
    expect(
      eventsOf(retry.runId)
        .filter((event) => event.type === 'itemStarted')
        .map((event) => event.type === 'itemStarted' && event.retryOf),
    ).toEqual(failed.map((item) => item.id));

    // The first run's items now show the outcome, and its counts follow.
    // Its attempts too: the records table of the first run shows 2, as the record's history does.
    expect(store.items.detail(failed[0]?.id ?? 0)).toMatchObject({
      status: 'succeeded',
      reason: `retried in run ${retry.runId}`,
      reasons: [{ code: 'retriedIn', params: { runId: retry.runId } }],
      attempts: 2,
    });
    expect(store.runs.get(first.runId)?.counts).toMatchObject({ total: 5, succeeded: 5, failed: 0 });
    // One history across both runs.
    const history = store.items.detail(retried[0]?.id ?? 0)?.history ?? [];
    expect(history.map((attempt) => [attempt.runId, attempt.attempt, attempt.status])).toEqual([
      [first.runId, 1, 'failed'],
      [retry.runId, 2, 'succeeded'],
    ]);
  });

  it('sends the stored input of a failed target, not a fresh read', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', sampleOrders(1));
    system.hooks.before = (operation) => {
      if (operation === 'create') throw Object.assign(new Error('Unprocessable'), { status: 422 });
    };
    const first = await engine.run({ flow: strict, trigger: 'manual' });
    const [failed] = store.items.failed(first.runId);
    expect(failed?.nodeId).toBe('target');
    expect(store.items.detail(failed?.id ?? 0)?.input).toEqual({
      data: { sku: '40001', number: 'ORD-1001' },
      createOnly: [],
    });
    // The source changes meanwhile; the retry still sends what failed.
    system.seed('orders', [{ ...sampleOrders(1)[0], orderNumber: 'CHANGED' }]);
    system.hooks = {};
    await engine.run({
      flow: strict,
      trigger: 'retry',
      retry: { parentRunId: first.runId, itemIds: [failed?.id ?? 0] },
    });
    expect(system.list('invoices').map((entry) => entry.data.number)).toEqual(['ORD-1001']);
  });

  it('fails a retry whose node left the flow, saying so', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', [{ id: 'x', sku: 'AB' }]);
    const first = await engine.run({ flow: strict, trigger: 'manual' });
    const [failed] = store.items.failed(first.runId);
    const withoutCheck = memoryFlow({
      transforms: [{ kind: 'core.transform.map', id: 'map', config: { fields: [] } }],
    });
    const retry = await engine.run({
      flow: withoutCheck,
      trigger: 'retry',
      retry: { parentRunId: first.runId, itemIds: [failed?.id ?? 0] },
    });
    expect(retry.counts).toMatchObject({ total: 1, failed: 1 });
    const [item] = store.items.list(retry.runId, { limit: 1, offset: 0 }).items;
    expect(item?.error).toMatchObject({
      code: 'node_gone',
      message: 'Node check is no longer in the flow, so the record cannot be retried from there.',
    });
  });
});
