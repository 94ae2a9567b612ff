import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMplusClient } from '../client';
import {
  MplusAbortError,
  MplusHttpError,
  MplusNetworkError,
  MplusProtocolError,
  MplusSoapFault,
  MplusTimeoutError,
} from '../errors';
import type { MplusRequestInfo } from '../soap-caller';
import type { MplusTwinFaults } from './faults';
import { Prng } from '../../seeded-prng';
import { startMplusTwin, type MplusTwin } from './twin';

/**
 * Fault mapping and retries against the twin's fault injection: Server faults, lost connections and
 * timeouts are transient and retried for reads and idempotent writes only; a lost answer to an
 * idempotent write is recovered exactly once through the replay.
 */

let twin: MplusTwin;
let attempts: MplusRequestInfo[] = [];

beforeAll(async () => {
  twin = await startMplusTwin({ seed: 9 });
});

afterAll(async () => {
  await twin.close();
});

afterEach(async () => {
  await setFaults({});
  attempts = [];
});

async function setFaults(faults: MplusTwinFaults): Promise<void> {
  const response = await fetch(`${twin.adminUrl}/faults`, { method: 'POST', body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

const stats = async (): Promise<{ calls: Record<string, number>; faults: number }> =>
  (await (await fetch(`${twin.adminUrl}/stats`)).json()) as { calls: Record<string, number>; faults: number };

const client = (options: { maxRetries?: number; timeoutMs?: number } = {}) =>
  createMplusClient({
    url: twin.url,
    ident: twin.ident,
    secret: twin.secret,
    retryDelayMs: 1,
    onRequest: (info) => attempts.push(info),
    ...options,
  });

async function orderInput(idempotencyKey: string, extOrderId: string) {
  const c = client();
  const [relation] = await c.getRelations({ syncMarker: 0, syncMarkerLimit: 1 });
  const [product] = await c.getProducts({ syncMarker: 0, syncMarkerLimit: 1 });
  return {
    idempotencyKey,
    order: {
      extOrderId,
      employeeNumber: 999999,
      relationNumber: relation?.relationNumber ?? 0,
      lineList: {
        line: [
          { articleNumber: product?.articleList?.article?.[0]?.articleNumber ?? 0, data: { quantity: 1 } },
        ],
      },
    },
  };
}

describe('fault mapping', () => {
  it('retries a read after a Server fault and gives up with a transient MplusSoapFault', async () => {
    await setFaults({ errorRate: 1, statuses: [500] });
    const error = await client({ maxRetries: 2 })
      .getBranches()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MplusSoapFault);
    expect(error).toMatchObject({ faultcode: 'Server', kind: 'transient', operation: 'getBranches' });
    expect(attempts.map((a) => [a.attempt, a.outcome, a.willRetry])).toEqual([
      [1, 'fault', true],
      [2, 'fault', true],
      [3, 'fault', false],
    ]);
  });

  it('maps other HTTP errors: 503 transient, 404-like statuses permanent', async () => {
    await setFaults({ errorRate: 1, statuses: [503] });
    await expect(client({ maxRetries: 0 }).getBranches()).rejects.toMatchObject({
      status: 503,
      kind: 'transient',
    });
    await setFaults({ errorRate: 1, statuses: [404] });
    const error = await client({ maxRetries: 3 })
      .getBranches()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MplusHttpError);
    expect(error).toMatchObject({ status: 404, kind: 'permanent' });
    expect(
      attempts.filter(
        (a) => a.outcome === 'error' && a.error instanceof MplusHttpError && a.error.status === 404,
      ),
    ).toHaveLength(1);
  });

  it('does not retry a write without idempotencyKey, even on a transient fault', async () => {
    await setFaults({ errorRate: 1, statuses: [500], operations: ['createRelation'] });
    await expect(client({ maxRetries: 3 }).createRelation({ name: 'Eenmalig' })).rejects.toMatchObject({
      kind: 'transient',
    });
    expect(attempts).toHaveLength(1);
  });

  it('turns a cut-off answer into a transient MplusProtocolError, retried for reads', async () => {
    await setFaults({ malformedRate: 1 });
    const error = await client({ maxRetries: 3 })
      .getBranches()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MplusProtocolError);
    expect(error).toMatchObject({ kind: 'transient', message: expect.stringMatching(/not well-formed/) });
    expect(attempts).toHaveLength(4);
  });

  it('times out and aborts with transient errors', async () => {
    await setFaults({ timeoutRate: 1, operations: ['getBranches'] });
    const timeout = await client({ maxRetries: 0, timeoutMs: 200 })
      .getBranches()
      .catch((e: unknown) => e);
    expect(timeout).toBeInstanceOf(MplusTimeoutError);
    expect(timeout).toMatchObject({ kind: 'transient', timeoutMs: 200 });
    const controller = new AbortController();
    const pending = client({ maxRetries: 5 }).getBranches({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(MplusAbortError);
  });
});

describe('lost answers', () => {
  it('a read whose answer is lost is retried and succeeds', async () => {
    await setFaults({ lostResponseRate: 1, operations: ['getVatGroupList'] });
    const first = client({ maxRetries: 0 }).getVatGroupList();
    await expect(first).rejects.toBeInstanceOf(MplusNetworkError);
    await setFaults({ lostResponseRate: 0.5, seed: 4, operations: ['getVatGroupList'] });
    const groups = await client({ maxRetries: 10 }).getVatGroupList();
    expect(groups.length).toBeGreaterThan(0);
  });

  it('createOrderV3 with an idempotencyKey survives a lost answer: one order, replayed answer', async () => {
    const input = await orderInput('lost-answer-1', 'LOST-1');
    await setFaults({ lostResponseRate: 1, operations: ['createOrderV3'] });
    // The first attempt is applied but its answer lost; the retry (same key) is lost too.
    const failed = await client({ maxRetries: 1 })
      .createOrderV3(input)
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(MplusNetworkError);
    expect((failed as MplusNetworkError).kind).toBe('transient');
    await setFaults({});
    const outcome = await client().createOrderV3(input);
    expect(outcome).toMatchObject({ kind: 'created', replayed: true });
    const orders = (await client().getOrders()).filter((o) => o.extOrderId === 'LOST-1');
    expect(orders).toHaveLength(1);
    expect((await stats()).calls.createOrderV3).toBe(3);
  });

  it('retries an idempotent write on its own after a lost answer', async () => {
    const input = await orderInput('lost-answer-2', 'LOST-2');
    attempts = [];
    // Fault dice whose first roll loses the answer and whose second lets it through.
    const seed = Array.from({ length: 1000 }, (_, i) => i + 1).find((candidate) => {
      const dice = new Prng(candidate);
      return dice.next() < 0.5 && dice.next() >= 0.5;
    });
    await setFaults({ lostResponseRate: 0.5, seed, operations: ['createOrderV3'] });
    const outcome = await client({ maxRetries: 3 }).createOrderV3(input);
    expect(outcome).toMatchObject({ kind: 'created', replayed: true });
    expect(attempts.map((a) => [a.outcome, a.willRetry])).toEqual([
      ['error', true],
      ['ok', false],
    ]);
    expect((await client().getOrders()).filter((o) => o.extOrderId === 'LOST-2')).toHaveLength(1);
  });

  it('a plain write whose answer is lost is applied once and not retried', async () => {
    await setFaults({ lostResponseRate: 1, operations: ['createRelation'] });
    await expect(
      client({ maxRetries: 3 }).createRelation({ name: 'Verloren Antwoord' }),
    ).rejects.toBeInstanceOf(MplusNetworkError);
    expect(attempts).toHaveLength(1);
    await setFaults({});
    const found = (await client().getRelations()).filter((r) => r.name === 'Verloren Antwoord');
    expect(found).toHaveLength(1);
  });
});
