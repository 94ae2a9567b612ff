import { afterEach, describe, expect, it } from 'vitest';
import { messageIn } from '../../shared/flow/run-messages';
import { skipReasonsText } from '../../shared/flow/skip-reasons';
import { FlowBusyError } from '../store/store';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';
import { memoryFlow, sampleOrders } from './testing/memory-flow';
import { InvalidFlowError } from './validation';

const fixtures: EngineFixture[] = [];
function setup(...args: Parameters<typeof engineFixture>): EngineFixture {
  const fixture = engineFixture(...args);
  fixtures.push(fixture);
  return fixture;
}
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
});

const mapFlow = memoryFlow({
  transforms: [
    {
      kind: 'core.transform.map',
      config: {
        fields: [
          { target: 'number', source: { kind: 'path', path: 'orderNumber' } },
          { target: 'customer.email', source: { kind: 'path', path: 'email' } },
          { target: 'total', source: { kind: 'path', path: 'amount' } },
        ],
      },
    },
  ],
});

describe('Engine runs', () => {
  it('moves every record from source to target and reports it as numbered events', async () => {
    const { engine, system, store, eventsOf } = setup();
    system.seed('orders', sampleOrders(25));
    const result = await engine.run({ flow: mapFlow, trigger: 'manual' });

    expect(result).toMatchObject({
      status: 'succeeded',
      counts: { total: 25, succeeded: 25, skipped: 0, failed: 0 },
      error: null,
    });
    const invoices = system.list('invoices');
    expect(invoices).toHaveLength(25);
    expect(invoices[0]?.data).toMatchObject({
      number: 'ORD-1001',
      customer: { email: 'customer1@example.com' },
      total: 10,
    });

    const events = eventsOf(result.runId);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events[0]?.type).toBe('runStarted');
    expect(events.at(-1)?.type).toBe('runFinished');
    expect(events.filter((event) => event.type === 'runFinished')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'itemSucceeded')).toHaveLength(25);
    // Counts per node for the canvas, the last report before runFinished.
    const progress = events
      .filter((event) => event.type === 'nodeProgress' && event.nodeId === 'target')
      .at(-1);
    expect(progress).toMatchObject({ received: 25, passed: 25, skipped: 0, failed: 0 });
    // What was published is what was stored.
    expect(store.events.page(result.runId, 0, 1000)).toEqual(events);
    expect(store.runs.get(result.runId)).toMatchObject({
      status: 'succeeded',
      counts: { total: 25 },
      lastSeq: events.length,
    });

    const items = store.items.list(result.runId, { limit: 100, offset: 0 });
    expect(items.total).toBe(25);
    expect(items.items[0]).toMatchObject({
      key: 'memory:orders:o1',
      status: 'succeeded',
      action: 'created',
      businessKeys: { orderNumber: 'ORD-1001', email: 'customer1@example.com', sku: '40001' },
    });
    const detail = store.items.detail(items.items[0]?.id ?? 0);
    expect(detail?.source).toMatchObject({ id: 'o1', orderNumber: 'ORD-1001' });
    expect(detail?.mapped).toMatchObject({ number: 'ORD-1001' });
    expect(detail?.request).toMatchObject({
      number: 'ORD-1001',
      koppelReference: 'koppel:memory-flow:memory:orders:o1',
    });
    expect(detail?.response).toMatchObject({ replayed: false });
  });

  it('reads incrementally: the next run only sees changed records, and updates them', async () => {
    const { engine, system } = setup();
    system.seed('orders', sampleOrders(10));
    await engine.run({ flow: mapFlow, trigger: 'manual' });
    const second = await engine.run({ flow: mapFlow, trigger: 'manual' });
    expect(second.counts.total).toBe(0);

    system.seed('orders', [{ ...sampleOrders(1, 3)[0], amount: 999 }]);
    const third = await engine.run({ flow: mapFlow, trigger: 'manual' });
    expect(third.counts).toMatchObject({ total: 1, succeeded: 1 });
    expect(system.list('invoices')).toHaveLength(10);
    expect(system.list('invoices').find((entry) => entry.data.number === 'ORD-1003')?.data.total).toBe(999);
    expect(system.calls.update).toBe(1);
  });

  it('skips unchanged records by the ledger hash without calling the target', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', sampleOrders(5));
    await engine.run({ flow: mapFlow, trigger: 'manual' });
    // Forget the cursor so every record is read again.
    store.db.prepare('DELETE FROM cursors').run();
    const creates = system.calls.create;
    const again = await engine.run({ flow: mapFlow, trigger: 'manual' });
    expect(again.counts).toMatchObject({ total: 5, skipped: 5, succeeded: 0 });
    expect(system.calls.create).toBe(creates);
    expect(
      store.items
        .list(again.runId, { limit: 10, offset: 0 })
        .items.every((item) => item.reason === 'unchanged' && item.nodeId === 'target'),
    ).toBe(true);
  });

  it('leaves "on create only" fields alone on updates', async () => {
    const { engine, system } = setup();
    const flow = memoryFlow({
      transforms: [
        {
          kind: 'core.transform.map',
          config: {
            fields: [
              { target: 'number', source: { kind: 'path', path: 'orderNumber' } },
              { target: 'note', source: { kind: 'path', path: 'note' }, onCreateOnly: true },
              { target: 'total', source: { kind: 'path', path: 'amount' } },
            ],
          },
        },
      ],
    });
    system.seed('orders', [{ id: 'o1', orderNumber: 'A', note: 'first', amount: 1 }]);
    await engine.run({ flow, trigger: 'manual' });
    const [created] = system.list('invoices');
    // Someone enriches the note in the target; the source changes.
    if (created) await system.update('invoices', created.id, { note: 'edited in the target' });
    system.seed('orders', [{ id: 'o1', orderNumber: 'A', note: 'changed at the source', amount: 2 }]);
    await engine.run({ flow, trigger: 'manual' });
    expect(system.list('invoices')[0]?.data).toMatchObject({ note: 'edited in the target', total: 2 });
  });

  it('honours amount per run and --limit, continuing where it stopped', async () => {
    const { engine, system } = setup();
    system.seed('orders', sampleOrders(10));
    const limited = memoryFlow({ sourceConfig: { amountPerRun: 4, pageSize: 3 } });
    expect((await engine.run({ flow: limited, trigger: 'manual' })).counts.total).toBe(4);
    expect((await engine.run({ flow: limited, trigger: 'manual', limit: 2 })).counts.total).toBe(2);
    expect((await engine.run({ flow: limited, trigger: 'manual' })).counts.total).toBe(4);
    expect(system.list('invoices').map((entry) => entry.data.orderNumber)).toEqual(
      sampleOrders(10).map((order) => order.orderNumber),
    );
  });

  it('filters and branches with reasons, and runs code in the sandbox', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', sampleOrders(6));
    const flow = memoryFlow({
      transforms: [
        {
          kind: 'core.transform.filter',
          config: { conditions: [{ path: 'amount', operator: 'greaterThan', value: 20 }] },
        },
        {
          kind: 'core.transform.code',
          config: { code: 'return { ...record, email: record.email.toUpperCase() };' },
        },
      ],
    });
    const result = await engine.run({ flow, trigger: 'manual' });
    expect(result.counts).toMatchObject({ total: 6, succeeded: 4, skipped: 2 });
    expect(system.list('invoices').map((entry) => entry.data.email)).toContain('CUSTOMER3@EXAMPLE.COM');
    const skipped = store.items.list(result.runId, { status: 'skipped', limit: 10, offset: 0 }).items;
    // Stored as a code with its parameters (the screens word it) and as the English sentence.
    expect(skipped[0]?.reasons).toEqual([
      { code: 'filteredOut', params: { path: 'amount', operator: 'greaterThan', value: '20' } },
    ]);
    expect(skipped[0]?.reason).toBe('filtered out: not amount is greater than 20');
    expect(skipReasonsText(skipped[0]?.reasons, 'nl', skipped[0]?.reason ?? null)).toBe(
      'weggefilterd: niet amount is groter dan 20',
    );
    const events = store.events.page(result.runId, 0, 100).filter((event) => event.type === 'itemSkipped');
    expect(events.map((event) => event.type === 'itemSkipped' && event.reasons)).toEqual([
      skipped[0]?.reasons,
      skipped[1]?.reasons,
    ]);
    // Shown at the node that held it back, not at its source.
    expect(skipped.map((item) => item.nodeId)).toEqual(['n1', 'n1']);
  });

  it('fails a record that breaks a validation rule, naming the field and value, and goes on', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', [...sampleOrders(2), { id: 'bad', orderNumber: 'X', sku: 'AB-12', amount: 1 }]);
    const flow = memoryFlow({
      transforms: [
        {
          kind: 'core.transform.validate',
          id: 'check',
          config: { rules: [{ path: 'sku', rule: 'numeric' }] },
        },
      ],
    });
    const result = await engine.run({ flow, trigger: 'manual' });
    expect(result).toMatchObject({ status: 'failed', counts: { total: 3, succeeded: 2, failed: 1 } });
    const [failed] = store.items.list(result.runId, { status: 'failed', limit: 10, offset: 0 }).items;
    expect(failed).toMatchObject({ key: 'memory:orders:bad', nodeId: 'check', attempts: 1 });
    expect(failed?.error).toMatchObject({
      code: 'validation_failed',
      field: 'sku',
      value: 'AB-12',
      transient: false,
      nodeId: 'check',
    });
    expect(failed?.error?.message).toBe('Field "sku" must contain digits only, got "AB-12".');
  });

  it('refuses a flow that cannot run: a manual start throws, a scheduled one is recorded as failed, saying why', async () => {
    const { engine, store, eventsOf } = setup();
    const broken = memoryFlow({
      transforms: [
        { kind: 'core.transform.validate', id: 'check', config: { rules: [{ path: 'sku', rule: 'regex' }] } },
        {
          kind: 'core.transform.validate',
          id: 'check2',
          config: { rules: [{ path: 'sku', rule: 'regex' }] },
        },
      ],
    });
    expect(() => engine.start({ flow: broken, trigger: 'manual' })).toThrow(InvalidFlowError);
    expect(store.runs.list({ limit: 10 }).runs).toEqual([]);

    const result = await engine.run({ flow: broken, trigger: 'schedule' });
    const problem =
      'Flow "Memory flow": node "Validate" (check), field "Rules › row 1 › Value": A regex rule needs a pattern.';
    expect(result).toMatchObject({
      status: 'failed',
      counts: { total: 0, succeeded: 0, skipped: 0, failed: 0 },
      error: {
        code: 'invalid_flow',
        message: `This scheduled run did not start. ${problem} (And 1 more problem.) Fix the flow in the editor; the schedule tries again at its next time.`,
      },
    });
    expect(messageIn(result.error ?? { message: '' }, 'nl')).toBe(
      'Deze geplande run is niet gestart. Flow "Memory flow": node "Controleren" (check), veld "Regels › rij 1 › Waarde": Een regex-regel heeft een patroon nodig. (En nog 1 probleem.) Herstel de flow in de editor; het schema probeert het op het volgende tijdstip opnieuw.',
    );
    expect(store.runs.get(result.runId)).toMatchObject({ status: 'failed', trigger: 'schedule' });
    expect(eventsOf(result.runId).map((event) => event.type)).toEqual(['runStarted', 'runFinished']);

    // The schedule's next time, same reason: skipped (the scheduler logs it), not recorded again.
    expect(() => engine.start({ flow: broken, trigger: 'schedule' })).toThrow(InvalidFlowError);
    expect(store.runs.list({ limit: 10 }).runs).toHaveLength(1);
    // Another reason is news: recorded.
    const other = memoryFlow({
      transforms: [{ kind: 'core.transform.validate', id: 'check', config: { rules: [] } }],
    });
    other.nodes = other.nodes.map((node) =>
      node.id === 'check' ? { ...node, config: { rules: [{ path: 'sku', rule: 'nope' }] } } : node,
    );
    const again = await engine.run({ flow: other, trigger: 'schedule' });
    expect(again.error?.code).toBe('invalid_flow');
    expect(again.error?.message).not.toBe(result.error?.message);
    expect(store.runs.list({ limit: 10 }).runs).toHaveLength(2);
  });

  it('never runs one flow twice at once', async () => {
    const { engine, system } = setup();
    system.seed('orders', sampleOrders(3));
    let release: (() => void) | undefined;
    system.hooks.before = (operation) =>
      operation === 'read' ? new Promise<void>((resolve) => (release = resolve)) : undefined;
    const first = engine.start({ flow: mapFlow, trigger: 'manual' });
    expect(() => engine.start({ flow: mapFlow, trigger: 'manual' })).toThrow(FlowBusyError);
    // Wait until the first run is inside its read, then let it go.
    while (!release) await new Promise((resolve) => setImmediate(resolve));
    system.hooks = {};
    release();
    expect((await first.done).status).toBe('succeeded');
    expect((await engine.run({ flow: mapFlow, trigger: 'manual' })).status).toBe('succeeded');
  });

  it('cancels through the signal: one runFinished, cursor not past unfinished records', async () => {
    const { engine, system, store, eventsOf } = setup();
    system.seed('orders', sampleOrders(20));
    const flow = memoryFlow({ sourceConfig: { pageSize: 5 }, settings: { concurrency: 1 } });
    let writes = 0;
    system.hooks.after = (operation) => {
      if (operation === 'create' && ++writes === 7) engine.activeRuns()[0]?.cancel();
    };
    const result = await engine.run({ flow, trigger: 'manual' });
    expect(result.status).toBe('cancelled');
    expect(eventsOf(result.runId).filter((event) => event.type === 'runFinished')).toHaveLength(1);
    const cursor = store.exactlyOnce.cursor(flow.id, 'source');
    system.hooks = {};
    const next = await engine.run({ flow, trigger: 'manual' });
    expect(next.status).toBe('succeeded');
    expect(system.list('invoices')).toHaveLength(20);
    expect(cursor).toEqual({ syncMarker: 7 });
  });

  it('does everything but the writes in a dry run', async () => {
    const { engine, system, store, eventsOf } = setup();
    system.seed('orders', sampleOrders(3));
    const result = await engine.run({ flow: mapFlow, trigger: 'manual', dryRun: true });
    expect(result.counts).toMatchObject({ total: 3, succeeded: 3 });
    expect(system.list('invoices')).toHaveLength(0);
    const would = eventsOf(result.runId).filter((event) => event.type === 'wouldWrite');
    expect(would).toHaveLength(3);
    expect(would[0]).toMatchObject({ action: 'create', request: { number: 'ORD-1001' } });
    expect(store.items.list(result.runId, { limit: 10, offset: 0 }).items[0]?.action).toBe('wouldCreate');
    expect(store.exactlyOnce.cursor(mapFlow.id, 'source')).toBeNull();
    expect(store.exactlyOnce.ledger(mapFlow.id, 'target', 'memory:orders:o1')).toBeUndefined();
    // After a real run, a dry run of a changed record says it would update.
    await engine.run({ flow: mapFlow, trigger: 'manual' });
    system.seed('orders', [{ ...sampleOrders(1)[0], amount: 5 }]);
    const dry = await engine.run({ flow: mapFlow, trigger: 'manual', dryRun: true });
    expect(eventsOf(dry.runId).find((event) => event.type === 'wouldWrite')).toMatchObject({
      action: 'update',
    });
  });

  it('refuses an invalid flow before starting', () => {
    const { engine } = setup();
    const broken = memoryFlow({ transforms: [{ kind: 'core.transform.validate', config: { rules: [] } }] });
    expect(() => engine.start({ flow: broken, trigger: 'manual' })).toThrow(
      /cannot run: .*field "Rules": Add at least one rule/,
    );
  });

  it("refuses a flow whose code does not parse before starting, naming the code's line and column", () => {
    const { engine, system } = setup();
    system.seed('orders', sampleOrders(2));
    const flow = memoryFlow({
      transforms: [{ kind: 'core.transform.code', id: 'code', config: { code: 'return {;' } }],
    });
    expect(() => engine.start({ flow, trigger: 'manual' })).toThrow(
      /cannot run: .*node "Code" \(code\), field "Code": syntax error on line 1, column 9: Unexpected token/,
    );
    expect(system.calls.read).toBe(0);
  });

  it('stops a run whose lock another process took over', async () => {
    const { engine, system, store } = setup({ engine: { heartbeatMs: 20 } });
    system.seed('orders', sampleOrders(3));
    let release: (() => void) | undefined;
    system.hooks.before = (operation) =>
      operation === 'read' ? new Promise<void>((resolve) => (release = resolve)) : undefined;
    const handle = engine.start({ flow: mapFlow, trigger: 'manual' });
    while (!release) await new Promise((resolve) => setImmediate(resolve));
    // Another process decided this one was dead and took the flow over.
    store.db.prepare("UPDATE flow_locks SET owner = 'someone-else'").run();
    await new Promise((resolve) => setTimeout(resolve, 100));
    system.hooks = {};
    release();
    const result = await handle.done;
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'lock_lost' });
    expect(system.list('invoices')).toHaveLength(0);
  });
});
