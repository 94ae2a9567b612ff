import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import type { RunItemSummary } from '../../../shared/flow/run-records';
import type { RunResult } from '../../engine/engine';
import { FaultSchedule, MplusFaultTally, type FaultScheduleOptions } from './fault-schedule';
import { TwinHarness, type TemplateId, type TwinStats } from './harness';
import { allItems, duplicatesOf } from './run-checks';
import {
  primaryEmail,
  type TlCompany,
  type TlContact,
  type TlInvoice,
  type TlProduct,
  type WireArticle,
  type WireOrder,
  type WireRelation,
} from './twin-records';

/**
 * The fault test of the sync engine issue: about 10% of the calls to both twins fail (server
 * errors, timeouts, malformed and lost answers), Teamleader tokens expire and 429 bursts come and
 * go, while a template runs over a few hundred records in each direction. Every record must end
 * succeeded or failed with a reason, nothing may be written twice, and a retry of the failed
 * records without faults must complete them, still without duplicates.
 */
const SEED = Number(process.env.KOPPEL_FAULT_SEED ?? 4_242);
const PLAN: FaultScheduleOptions = {
  teamleader: { errorRate: 0.03, timeoutRate: 0.01, malformedRate: 0.02, lostResponseRate: 0.02 },
  mplus: { errorRate: 0.035, timeoutRate: 0.01, malformedRate: 0.025, lostResponseRate: 0.03 },
  seed: SEED,
  tickMs: 400,
  expireTokensChance: 0.2,
  burstChance: 0.15,
  // Requests per one-second window (the twin's window is shortened so a burst passes in a second).
  burstLimit: 2,
  normalLimit: 1_000,
};
const CLIENT_TIMEOUT_MS = 2_000;

const tally = new MplusFaultTally();
let h: TwinHarness;
beforeAll(async () => {
  h = await TwinHarness.start(SEED, {
    size: 'medium',
    teamleaderRateWindowMs: 1_000,
    // Short, so a request the twin never answers costs two seconds rather than the default 30/120.
    teamleaderClient: { timeoutMs: CLIENT_TIMEOUT_MS },
    mplusClient: { timeoutMs: CLIENT_TIMEOUT_MS, onRequest: tally.onRequest },
  });
}, 120_000);
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  tally.calls = 0;
  for (const kind of Object.keys(tally.counts) as (keyof typeof tally.counts)[]) tally.counts[kind] = 0;
});

/** Quick retries (the policy's shape as users set it, with delays in tens of milliseconds). */
function quickRetries(flow: FlowDocument): void {
  flow.settings.retry = { attempts: 3, baseDelaySeconds: 0.05, maxDelaySeconds: 0.5 };
}

interface FaultRun {
  first: RunResult;
  firstItems: RunItemSummary[];
  retry: RunResult | undefined;
  again: RunResult;
  figures: Record<string, unknown>;
  /** The target before the runs (the seed may hold duplicates of its own) and after the faulty run. */
  before: TargetState;
  afterFaults: TargetState;
}

interface TargetState {
  /** Documents per source record (by the reference Koppel writes into them). */
  perRecord: Map<string, number>;
  /** Values (e-mail, SKU) held by more than one customer or product record. */
  duplicates: Record<string, string[]>;
}

/**
 * Runs `template` under the fault schedule, then retries its failed records and runs it once more
 * without faults. `targetState` counts documents per source record and lists duplicates.
 */
async function runUnderFaults(
  template: TemplateId,
  targetState: () => Promise<TargetState>,
): Promise<FaultRun> {
  const before = await targetState();
  const tlBefore = await h.stats('teamleader');
  const mplusBefore = await h.stats('mplus');
  const clientBefore = h.teamleader.stats();
  const schedule = new FaultSchedule(h, PLAN);
  const startedAt = Date.now();
  await schedule.start();
  let first: RunResult;
  try {
    first = await h.run(template, quickRetries);
  } finally {
    await schedule.stop();
  }
  const faultMs = Date.now() - startedAt;
  const firstItems = allItems(h.runStore(), first.runId);
  const afterFaults = await targetState();
  const tlAfterFaults = await h.stats('teamleader');
  const mplusAfterFaults = await h.stats('mplus');
  const clientAfterFaults = h.teamleader.stats();

  const failed = firstItems.filter((item) => item.status === 'failed').map((item) => item.id);
  const retry =
    failed.length > 0
      ? await h.engine.run({
          flow: withQuickRetries(first.runId),
          trigger: 'retry',
          retry: { parentRunId: first.runId, itemIds: failed },
        })
      : undefined;
  const again = await h.run(template, quickRetries);
  const tlEnd = await h.stats('teamleader');
  const mplusEnd = await h.stats('mplus');

  const figures = {
    template,
    records: firstItems.length,
    faultRunMs: faultMs,
    injected: {
      teamleader: {
        ...faultsDiff(tlBefore, tlAfterFaults),
        rateLimited429: (tlAfterFaults.rateLimited ?? 0) - (tlBefore.rateLimited ?? 0),
        tokenExpiries: schedule.counts.tokenExpiries,
        tokenRefreshes: clientAfterFaults.refreshes - clientBefore.refreshes,
        calls: callsDiff(tlBefore, tlAfterFaults),
      },
      mplus: {
        ...tally.counts,
        twinTotal: faultTotal(mplusAfterFaults) - faultTotal(mplusBefore),
        calls: callsDiff(mplusBefore, mplusAfterFaults),
      },
      bursts: schedule.counts.bursts,
      ticks: schedule.counts.ticks,
    },
    faultRun: { ...first.counts, status: first.status, error: first.error, reasons: reasonsOf(firstItems) },
    retryRun: retry ? { ...retry.counts, status: retry.status } : null,
    normalRun: { ...again.counts, status: again.status },
    writeCalls: {
      teamleader: pick(callsDiff(tlBefore, tlEnd), [
        'invoices.draft',
        'contacts.add',
        'companies.add',
        'products.add',
      ]),
      mplus: pick(callsDiff(mplusBefore, mplusEnd), ['createOrderV3', 'createRelation', 'createProduct']),
    },
  };
  console.log(`[fault-twins] seed ${SEED} figures ${JSON.stringify(figures)}`);
  return { first, firstItems, retry, again, figures, before, afterFaults };
}

/** The flow the first run used (the retry runs the same document), with quick retries. */
function withQuickRetries(runId: string): FlowDocument {
  const flow = h.runStore().runs.flowOf(runId);
  if (!flow) throw new Error(`Run ${runId} kept no flow document.`);
  quickRetries(flow);
  return flow;
}

function faultsDiff(before: TwinStats, after: TwinStats) {
  const kinds = ['errors', 'timeouts', 'malformed', 'lostResponses'] as const;
  if (typeof before.faults === 'number' || typeof after.faults === 'number') return {};
  const a = after.faults;
  const b = before.faults;
  return Object.fromEntries(kinds.map((kind) => [kind, a[kind] - b[kind]]));
}

const faultTotal = (stats: TwinStats): number =>
  typeof stats.faults === 'number'
    ? stats.faults
    : stats.faults.errors + stats.faults.timeouts + stats.faults.malformed + stats.faults.lostResponses;

function callsDiff(before: TwinStats, after: TwinStats): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after.calls).map(([operation, count]) => [
      operation,
      count - (before.calls[operation] ?? 0),
    ]),
  );
}

const pick = (calls: Record<string, number>, operations: string[]) =>
  Object.fromEntries(operations.map((operation) => [operation, calls[operation] ?? 0]));

function reasonsOf(items: readonly RunItemSummary[]): Record<string, number> {
  const reasons: Record<string, number> = {};
  for (const item of items) {
    if (item.status !== 'failed' && item.status !== 'skipped') continue;
    const key = `${item.status} at ${item.nodeId ?? '?'}: ${item.error?.code ?? item.reason ?? '?'}`;
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  return reasons;
}

/** Each record of the faulty run ended succeeded or failed (with a node and a message), none open. */
function expectEveryRecordSettled(items: readonly RunItemSummary[], sources: number): void {
  expect(items).toHaveLength(sources);
  const open = items.filter((item) => item.status === 'pending' || item.status === 'running');
  expect(
    open.map((item) => item.key),
    'records left pending or running',
  ).toEqual([]);
  for (const item of items.filter((i) => i.status === 'failed')) {
    expect(item.nodeId, `${item.key}: failed at which node`).toBeTruthy();
    expect(item.error?.message, `${item.key}: failed with a reason`).toBeTruthy();
  }
  for (const item of items.filter((i) => i.status === 'skipped'))
    expect(item.reason, `${item.key}: skipped with a reason`).toBeTruthy();
}

const countBy = <T>(values: readonly T[], key: (value: T) => string | null | undefined) => {
  const counts = new Map<string, number>();
  for (const value of values) {
    const k = key(value);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
};

describe('fault test against the twins (10% faults, expired tokens, 429 bursts)', () => {
  it('POS orders → Teamleader invoices: every record settles, nothing is duplicated, a retry completes the failed', async () => {
    const orders = await h.mplusEntities<WireOrder>('orders');
    const state = async (): Promise<TargetState> => {
      const invoices = await h.teamleaderEntities<TlInvoice>('invoices');
      const contacts = await h.teamleaderEntities<TlContact>('contacts');
      const companies = await h.teamleaderEntities<TlCompany>('companies');
      const products = await h.teamleaderEntities<TlProduct>('products');
      return {
        perRecord: countBy(invoices, (invoice) => invoice.purchase_order_number),
        duplicates: {
          contacts: duplicatesOf(contacts.map((c) => primaryEmail(c.emails))),
          companies: duplicatesOf(companies.map((c) => primaryEmail(c.emails))),
          products: duplicatesOf(products.map((p) => p.code)),
        },
      };
    };
    const run = await runUnderFaults('orders-mplus-to-teamleader', state);

    expectEveryRecordSettled(run.firstItems, orders.length);
    const twiceAfterFaults = orders.filter((o) => (run.afterFaults.perRecord.get(o.orderId) ?? 0) > 1);
    expect(
      twiceAfterFaults.map((o) => o.orderId),
      'orders invoiced twice under faults',
    ).toEqual([]);
    expect(run.retry?.counts.failed ?? 0, 'records the retry without faults still failed').toBe(0);
    const end = await state();
    const notOnce = orders.filter((o) => end.perRecord.get(o.orderId) !== 1).map((o) => o.orderId);
    expect(notOnce, 'orders without exactly one invoice after the retry').toEqual([]);
    expect(end.duplicates).toEqual(run.before.duplicates);
    expect(run.again.counts.failed).toBe(0);
  }, 300_000);

  it('Teamleader invoices → MplusKASSA orders: every record settles, nothing is duplicated, a retry completes the failed', async () => {
    const invoices = (await h.teamleaderEntities<TlInvoice>('invoices')).filter(
      (i) => i.status === 'outstanding' || i.status === 'matched',
    );
    const state = async (): Promise<TargetState> => {
      const orders = await h.mplusEntities<WireOrder>('orders');
      const relations = await h.mplusEntities<WireRelation>('relations');
      const articles = await h.mplusEntities<WireArticle>('articles');
      return {
        perRecord: countBy(orders, (order) => order.extOrderId),
        duplicates: {
          relations: duplicatesOf(relations.map((r) => r.email?.toLowerCase())),
          articles: duplicatesOf(articles.map((a) => a.extArticleId)),
        },
      };
    };
    const run = await runUnderFaults('orders-teamleader-to-mplus', state);

    expectEveryRecordSettled(run.firstItems, invoices.length);
    const twiceAfterFaults = invoices.filter((i) => (run.afterFaults.perRecord.get(i.id) ?? 0) > 1);
    expect(
      twiceAfterFaults.map((i) => i.id),
      'invoices ordered twice under faults',
    ).toEqual([]);
    expect(run.retry?.counts.failed ?? 0, 'records the retry without faults still failed').toBe(0);
    const end = await state();
    const notOnce = invoices.filter((i) => end.perRecord.get(i.id) !== 1).map((i) => i.id);
    expect(notOnce, 'invoices without exactly one MplusKASSA order after the retry').toEqual([]);
    expect(end.duplicates).toEqual(run.before.duplicates);
    expect(run.again.counts.failed).toBe(0);
  }, 300_000);
});
