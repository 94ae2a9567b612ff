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

/** Maps the SKU from `skuPath`, then requires a numeric SKU. */
function flowMappingSkuFrom(skuPath: string) {
  return memoryFlow({
    transforms: [
      {
        kind: 'core.transform.map',
        id: 'map',
        config: {
          fields: [
            { target: 'sku', source: { kind: 'path', path: skuPath } },
            { target: 'number', source: { kind: 'path', path: 'orderNumber' } },
          ],
        },
      },
      {
        kind: 'core.transform.validate',
        id: 'check',
        config: {
          rules: [
            { path: 'sku', rule: 'required' },
            { path: 'sku', rule: 'numeric' },
          ],
        },
      },
    ],
  });
}

describe('retry from the start', () => {
  it('applies a mapping fixed since the failure, where retrying from the failed node cannot', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', sampleOrders(2));
    // The mapping reads the wrong field: every record fails the check after it.
    const first = await engine.run({ flow: flowMappingSkuFrom('article'), trigger: 'manual' });
    const failed = store.items.failed(first.runId);
    expect(failed.map((item) => item.nodeId)).toEqual(['check', 'check']);
    const fixed = flowMappingSkuFrom('sku');

    // From the failed node the stored (badly mapped) input is checked again: still failing.
    const again = await engine.run({
      flow: fixed,
      trigger: 'retry',
      retry: { parentRunId: first.runId, itemIds: [failed[0]?.id ?? 0] },
    });
    expect(again.counts).toMatchObject({ total: 1, failed: 1 });

    // From the start the stored source record goes through the fixed mapping.
    const stillFailed = store.items.failed(first.runId);
    const fromStart = await engine.run({
      flow: fixed,
      trigger: 'retry',
      retry: { parentRunId: first.runId, itemIds: stillFailed.map((item) => item.id), from: 'start' },
    });
    expect(fromStart.counts).toMatchObject({ total: 2, succeeded: 2, failed: 0 });
    expect(
      system
        .list('invoices')
        .map((entry) => entry.data.sku)
        .sort(),
    ).toEqual(['40001', '40002']);
    expect(store.runs.get(first.runId)?.counts).toMatchObject({ failed: 0, succeeded: 2 });
    // The retried items started after the source, and are linked to the originals.
    const retried = store.items.list(fromStart.runId, { limit: 10, offset: 0 }).items;
    expect(retried.map((item) => item.retryOf).sort()).toEqual(stillFailed.map((item) => item.id).sort());
  });

  it('says why when the source record was not kept', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', sampleOrders(1));
    const flow = {
      ...flowMappingSkuFrom('article'),
      settings: { ...flowMappingSkuFrom('article').settings, payloadLogging: 'metadata' as const },
    };
    const first = await engine.run({ flow, trigger: 'manual' });
    const [failed] = store.items.failed(first.runId);
    const retry = await engine.run({
      flow: flowMappingSkuFrom('sku'),
      trigger: 'retry',
      retry: { parentRunId: first.runId, itemIds: [failed?.id ?? 0], from: 'start' },
    });
    expect(retry.counts).toMatchObject({ total: 1, failed: 1 });
    const [item] = store.items.list(retry.runId, { limit: 1, offset: 0 }).items;
    expect(item?.error).toMatchObject({ code: 'input_missing' });
    expect(item?.error?.message).toContain('cannot be retried from the start');
  });
});
