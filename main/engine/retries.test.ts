import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from './clock';
import { decideRetry, backoffMs } from './retry';
import { StepError, transientError } from './errors';
import { RetryPolicy } from '../../shared/flow/flow-document';
import { messageIn, runMessage } from '../../shared/flow/run-messages';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';
import { memoryFlow, sampleOrders } from './testing/memory-flow';
import type { TestClock } from './testing/test-clock';

const fixtures: EngineFixture[] = [];
function setup(): EngineFixture & { clock: TestClock } {
  const fixture = engineFixture();
  fixtures.push(fixture);
  return fixture as EngineFixture & { clock: TestClock };
}
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
});

const policy = RetryPolicy.parse({ attempts: 5, baseDelaySeconds: 1, maxDelaySeconds: 3600 });

describe('retry policy', () => {
  it('backs off exponentially with equal jitter, capped at the longest delay', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(policy, attempt, () => 0))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect([1, 2, 3, 4].map((attempt) => backoffMs(policy, attempt, () => 1))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    const capped = RetryPolicy.parse({ attempts: 30, baseDelaySeconds: 60, maxDelaySeconds: 2 * 3600 });
    expect(backoffMs(capped, 20, () => 1)).toBe(2 * 3600 * 1000);
  });

  it('never retries a permanent error and stops when attempts run out', () => {
    expect(decideRetry(policy, 1, new StepError('bad', { transient: false }))).toEqual({
      retry: false,
      why: 'permanent',
    });
    expect(decideRetry(policy, 5, new StepError('down', { transient: true }))).toEqual({
      retry: false,
      why: 'gave up after 5 attempts',
      note: { code: 'retriesUsedUp', params: { attempts: 5 } },
    });
    expect(decideRetry({ ...policy, attempts: 1 }, 1, new StepError('down', { transient: true }))).toEqual({
      retry: false,
      why: 'gave up after 1 attempt',
      note: { code: 'retriesUsedUp', params: { attempts: 1 } },
    });
  });

  it('waits at least as long as Retry-After, unless that exceeds the longest delay', () => {
    expect(
      decideRetry(policy, 1, new StepError('429', { transient: true, retryAfterMs: 30_000 }), () => 0),
    ).toEqual({ retry: true, delayMs: 30_000 });
    const short = RetryPolicy.parse({ maxDelaySeconds: 10 });
    const decision = decideRetry(short, 1, new StepError('429', { transient: true, retryAfterMs: 60_000 }));
    expect(decision).toMatchObject({ retry: false });
    expect(decision.retry === false && decision.why).toMatch(
      /asked to wait 60 s, longer than the flow's longest delay \(10 s\)/,
    );
  });
});

describe('retries in a run', () => {
  it('retries transient target errors with backoff and records each attempt', async () => {
    const { engine, system, store, clock, eventsOf } = setup();
    system.seed('orders', sampleOrders(1));
    let failures = 2;
    system.hooks.before = (operation) => {
      if (operation === 'create' && failures-- > 0)
        throw Object.assign(new Error('Service Unavailable'), { status: 503 });
    };
    const result = await engine.run({ flow: memoryFlow(), trigger: 'manual' });
    expect(result.counts).toMatchObject({ succeeded: 1, failed: 0 });
    // random() is 0.5 in the fixture: 750 ms, then 1500 ms.
    expect(clock.sleeps).toEqual([750, 1500]);
    const retrying = eventsOf(result.runId).filter((event) => event.type === 'itemRetrying');
    expect(
      retrying.map(
        (event) => event.type === 'itemRetrying' && [event.attempt, event.delayMs, event.error.status],
      ),
    ).toEqual([
      [2, 750, 503],
      [3, 1500, 503],
    ]);
    const [item] = store.items.list(result.runId, { limit: 1, offset: 0 }).items;
    expect(item?.attempts).toBe(3);
    const history = store.items.detail(item?.id ?? 0)?.history ?? [];
    expect(history.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'succeeded'],
    ]);
  });

  it("honours Teamleader's X-RateLimit-Reset on a 429", async () => {
    const { engine, system, clock } = setup();
    system.seed('orders', sampleOrders(1));
    let limited = true;
    system.hooks.before = (operation) => {
      if (operation !== 'create' || !limited) return;
      limited = false;
      const reset = new Date(clock.now() + 42_000).toISOString().replace('Z', '+0000');
      throw Object.assign(new Error('Too Many Requests'), {
        response: { status: 429, headers: { 'x-ratelimit-reset': reset } },
      });
    };
    await engine.run({ flow: memoryFlow(), trigger: 'manual' });
    expect(clock.sleeps).toEqual([42_000]);
  });

  it('fails a permanent error at once', async () => {
    const { engine, system, store, clock } = setup();
    system.seed('orders', sampleOrders(1));
    system.hooks.before = (operation) => {
      if (operation === 'create')
        throw Object.assign(new Error('Unprocessable Entity: vat_number is invalid'), { status: 422 });
    };
    const result = await engine.run({ flow: memoryFlow(), trigger: 'manual' });
    expect(clock.sleeps).toEqual([]);
    const [item] = store.items.list(result.runId, { limit: 1, offset: 0 }).items;
    expect(item).toMatchObject({ status: 'failed', nodeId: 'target', attempts: 1 });
    expect(item?.error).toMatchObject({
      code: 'http_422',
      status: 422,
      transient: false,
      message: 'Unprocessable Entity: vat_number is invalid',
    });
  });

  it('does not move the cursor past a record that failed transiently; the next run reads it again', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', sampleOrders(5));
    system.hooks.before = (operation, _entity, data) => {
      if (operation === 'create' && data?.orderNumber === 'ORD-1003')
        throw Object.assign(new Error('Bad Gateway'), { status: 503 });
    };
    const flow = memoryFlow({ settings: { retry: { attempts: 2 }, concurrency: 1 } });
    const first = await engine.run({ flow, trigger: 'manual' });
    expect(first.counts).toMatchObject({ succeeded: 4, failed: 1 });
    const [failed] = store.items.list(first.runId, { status: 'failed', limit: 1, offset: 0 }).items;
    expect(failed?.error?.message).toBe('Bad Gateway (gave up after 2 attempts)');
    // The screens say why in their language: the system's own words, then the note.
    expect(failed?.error && messageIn(failed.error, 'nl')).toBe('Bad Gateway (opgegeven na 2 pogingen)');
    expect(store.exactlyOnce.cursor(flow.id, 'source')).toEqual({ syncMarker: 2 });

    system.hooks = {};
    const second = await engine.run({ flow, trigger: 'manual' });
    // Record 3 is written now; 4 and 5 are read again but skipped as unchanged.
    expect(second.counts).toMatchObject({ total: 3, succeeded: 1, skipped: 2 });
    expect(system.list('invoices')).toHaveLength(5);
    expect(store.exactlyOnce.cursor(flow.id, 'source')).toEqual({ syncMarker: 5 });
  });

  it('moves the cursor past a record that failed on its data (a retry fixes those)', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', [...sampleOrders(2), { id: 'x', sku: 'ABC' }]);
    const flow = memoryFlow({
      transforms: [
        { kind: 'core.transform.validate', config: { rules: [{ path: 'sku', rule: 'numeric' }] } },
      ],
    });
    await engine.run({ flow, trigger: 'manual' });
    expect(store.exactlyOnce.cursor(flow.id, 'source')).toEqual({ syncMarker: 3 });
  });

  it('stops the run when a system cannot be reached, leaving the rest for the next run', async () => {
    const { engine, system, store } = setup();
    system.seed('orders', sampleOrders(200));
    system.hooks.before = (operation) => {
      if (operation === 'create')
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    };
    const flow = memoryFlow({ settings: { retry: { attempts: 2 }, concurrency: 1 } });
    const result = await engine.run({ flow, trigger: 'manual' });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('connection_failed');
    expect(result.error?.message).toMatch(
      /5 records in a row failed because a system could not be reached \(last: connect ECONNREFUSED/,
    );
    // Records already in flight end as cancelled; nothing more is read.
    expect(result.counts.total).toBeLessThan(200);
    expect(store.exactlyOnce.cursor(flow.id, 'source')).toBeNull();

    system.hooks = {};
    expect((await engine.run({ flow, trigger: 'manual' })).counts).toMatchObject({
      total: 200,
      succeeded: 200,
    });
  });

  it("names the last failure of an unreachable system in the UI's language when Koppel worded it", async () => {
    const { engine, system } = setup();
    system.seed('orders', sampleOrders(50));
    system.hooks.before = (operation) => {
      if (operation === 'create')
        throw transientError(runMessage('mplusNoAnswer', { operation: 'createOrderV3', ms: 30000 }), {
          unreachable: true,
        });
    };
    const flow = memoryFlow({ settings: { retry: { attempts: 1 }, concurrency: 1 } });
    const result = await engine.run({ flow, trigger: 'manual' });
    expect(result.error?.code).toBe('connection_failed');
    expect(result.error && messageIn(result.error, 'nl')).toMatch(
      /^Gestopt nadat 5 records op rij mislukten .*\(laatste: createOrderV3 kreeg geen antwoord binnen 30000 ms \(opgegeven na 1 poging\)\)\.$/,
    );
    expect(result.error?.message).toMatch(
      /\(last: createOrderV3 got no answer within 30000 ms \(gave up after 1 attempt\)\)\.$/,
    );
  });

  it('lets every record in flight wait on the run at once without a "possible memory leak" warning', async () => {
    // The real clock: its sleeps listen on the run's signal, as rate-limit queues and requests do.
    const fixture = engineFixture({ clock: systemClock });
    fixtures.push(fixture);
    const { engine, system } = fixture;
    system.seed('orders', sampleOrders(40));
    const failedOnce = new Set<string>();
    let waitingAtOnce = 0;
    let mostWaitingAtOnce = 0;
    system.hooks.before = (operation, _entity, data) => {
      const number = String(data?.orderNumber);
      if (operation !== 'create' || failedOnce.has(number)) return;
      failedOnce.add(number);
      mostWaitingAtOnce = Math.max(mostWaitingAtOnce, ++waitingAtOnce);
      setTimeout(() => waitingAtOnce--, 40);
      throw Object.assign(new Error('Service Unavailable'), { status: 503 });
    };
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const result = await engine.run({
        flow: memoryFlow({
          settings: {
            concurrency: 16,
            retry: { attempts: 2, baseDelaySeconds: 0.04, maxDelaySeconds: 0.04 },
          },
        }),
        trigger: 'manual',
      });
      expect(result.counts).toMatchObject({ total: 40, succeeded: 40, failed: 0 });
      // Each record made its one retry: more than ten were backing off together.
      expect(system.calls.create).toBe(80);
      expect(mostWaitingAtOnce).toBeGreaterThan(10);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('fails the run with connection_failed when the source cannot be read', async () => {
    const { engine, system } = setup();
    system.hooks.before = (operation) => {
      if (operation === 'read')
        throw Object.assign(new Error('getaddrinfo ENOTFOUND api.example'), { code: 'ENOTFOUND' });
    };
    const result = await engine.run({
      flow: memoryFlow({ settings: { retry: { attempts: 3 } } }),
      trigger: 'manual',
    });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'connection_failed' } });
    expect(result.error?.message).toMatch(/Reading "Test source" failed: getaddrinfo ENOTFOUND/);
    expect(system.calls.read).toBe(3);
  });
});
