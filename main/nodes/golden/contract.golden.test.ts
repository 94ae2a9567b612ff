import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import { TwinHarness, type TwinStats } from './harness';
import {
  primaryEmail,
  setConfig,
  type TlCompany,
  type TlContact,
  type TlInvoice,
  type TlProduct,
  type WireOrder,
  type WireRelation,
} from './twin-records';

let h: TwinHarness;
beforeAll(async () => {
  h = await TwinHarness.start();
}, 120_000);
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

/** Quick retries, so a fault run takes seconds rather than the production backoff. */
function quickRetries(flow: FlowDocument): void {
  flow.settings.retry = { attempts: 10, baseDelaySeconds: 0.01, maxDelaySeconds: 0.05 };
}

/** All MplusKASSA calls so far (its twin counts them per operation). */
const mplusCalls = (stats: TwinStats): number => Object.values(stats.calls).reduce((sum, n) => sum + n, 0);

const duplicates = (values: readonly (string | null | undefined)[]) => {
  const seen = new Set<string>();
  return values.filter((value) => {
    if (!value) return false;
    if (seen.has(value)) return true;
    seen.add(value);
    return false;
  });
};

describe('exactly once under faults', () => {
  it('POS orders → Teamleader: lost answers and server errors on every write create no duplicate invoice, customer or product', async () => {
    const writes = [
      'invoices.draft',
      'contacts.add',
      'companies.add',
      'products.add',
      'contacts.linkToCompany',
      'invoices.list',
    ];
    await h.faults('teamleader', { lostResponseRate: 0.2, errorRate: 0.1, operations: writes, seed: 7 });
    const first = await h.run('orders-mplus-to-teamleader', quickRetries);
    await h.faults('teamleader', {});
    // Records a fault stopped for good are read again by the next run (their cursor did not pass).
    const second = await h.run('orders-mplus-to-teamleader', quickRetries);
    const stats = (await (await fetch(`${h.teamleaderTwin.adminUrl}/stats`)).json()) as {
      faults: { errors: number; lostResponses: number };
    };
    expect(stats.faults.lostResponses).toBeGreaterThan(0);

    const orders = await h.mplusEntities<WireOrder>('orders');
    const invoices = await h.teamleaderEntities<TlInvoice>('invoices');
    for (const order of orders) {
      expect(
        invoices.filter((invoice) => invoice.purchase_order_number === order.orderId),
        order.orderId,
      ).toHaveLength(1);
    }
    expect(first.counts.succeeded + second.counts.succeeded).toBe(orders.length);
    expect(
      duplicates((await h.teamleaderEntities<TlContact>('contacts')).map((c) => primaryEmail(c.emails))),
    ).toEqual([]);
    expect(
      duplicates((await h.teamleaderEntities<TlCompany>('companies')).map((c) => primaryEmail(c.emails))),
    ).toEqual([]);
    expect(duplicates((await h.teamleaderEntities<TlProduct>('products')).map((p) => p.code))).toEqual([]);
    // Contact persons have no e-mail: no company has the same person twice, and none is left unlinked.
    const contacts = await h.teamleaderEntities<TlContact>('contacts');
    expect(contacts.filter((c) => c.emails.length === 0 && c.companies.length === 0)).toEqual([]);
    const links = contacts.flatMap((c) =>
      c.companies.map((link) => `${link.company.id} ${c.first_name ?? ''} ${c.last_name}`),
    );
    expect(duplicates(links)).toEqual([]);
  });

  it('Teamleader invoices → MplusKASSA: lost answers on createOrderV3, createRelation and createProduct create no duplicate', async () => {
    const invoices = (await h.teamleaderEntities<TlInvoice>('invoices')).filter((i) => i.status !== 'draft');
    await h.faults('mplus', {
      lostResponseRate: 0.25,
      errorRate: 0.1,
      operations: ['createOrderV3', 'createRelation', 'createProduct', 'findOrder'],
      seed: 11,
    });
    const first = await h.run('orders-teamleader-to-mplus', quickRetries);
    await h.faults('mplus', {});
    const second = await h.run('orders-teamleader-to-mplus', quickRetries);
    const mplusStats = (await (await fetch(`${h.mplusTwin.adminUrl}/stats`)).json()) as { faults: number };
    expect(mplusStats.faults).toBeGreaterThan(0);
    const orders = await h.mplusEntities<WireOrder>('orders');
    for (const invoice of invoices) {
      expect(
        orders.filter((order) => order.extOrderId === invoice.id),
        invoice.invoice_number ?? invoice.id,
      ).toHaveLength(1);
    }
    expect(first.counts.succeeded + second.counts.succeeded).toBe(invoices.length);
    expect(
      duplicates((await h.mplusEntities<WireRelation>('relations')).map((r) => r.email?.toLowerCase())),
    ).toEqual([]);
  });
});

describe('dry run', () => {
  it('records what would be written and writes nothing, not even customers or products', async () => {
    const counts = async () => ({
      invoices: (await h.teamleaderEntities('invoices')).length,
      contacts: (await h.teamleaderEntities('contacts')).length,
      companies: (await h.teamleaderEntities('companies')).length,
      products: (await h.teamleaderEntities('products')).length,
    });
    const before = await counts();
    const result = await h.run('orders-mplus-to-teamleader', undefined, { dryRun: true });
    const orders = await h.mplusEntities<WireOrder>('orders');
    expect(result.counts).toMatchObject({ total: orders.length, failed: 0 });
    expect(h.items(result.runId).every((item) => item.action === 'wouldCreate')).toBe(true);
    expect(await counts()).toEqual(before);
  });
});

describe('incremental sources', () => {
  it('MplusKASSA orders: amount per run splits the work over runs, each order read once', async () => {
    const orders = await h.mplusEntities<WireOrder>('orders');
    const totals: number[] = [];
    for (let run = 0; run < 5; run++) {
      const result = await h.run('orders-mplus-to-teamleader', (flow) =>
        setConfig(flow, 'orders', { amountPerRun: 12 }),
      );
      expect(result.counts.failed).toBe(0);
      totals.push(result.counts.total);
    }
    expect(totals).toEqual([12, 12, orders.length - 24, 0, 0]);
    const invoices = await h.teamleaderEntities<TlInvoice>('invoices');
    for (const order of orders)
      expect(invoices.filter((i) => i.purchase_order_number === order.orderId)).toHaveLength(1);
  });

  it('Teamleader companies and contacts: amount per run carries both cursors over runs', async () => {
    const companies = await h.teamleaderEntities<TlCompany>('companies');
    const unlinked = (await h.teamleaderEntities<TlContact>('contacts')).filter(
      (c) => c.companies.length === 0,
    );
    let read = 0;
    for (let run = 0; run < 12; run++) {
      const result = await h.run('customers-teamleader-to-mplus', (flow) =>
        setConfig(flow, 'customers', { amountPerRun: 9 }),
      );
      expect(result.counts.failed).toBe(0);
      read += result.counts.total;
      if (result.counts.total === 0) break;
    }
    expect(read).toBe(companies.length + unlinked.length);
    expect(
      duplicates((await h.mplusEntities<WireRelation>('relations')).map((r) => r.email?.toLowerCase())),
    ).toEqual([]);
  });

  it('custom filters keep records out; start-from skips older ones', async () => {
    const orders = await h.mplusEntities<WireOrder>('orders');
    const withCustomer = await h.run('orders-mplus-to-teamleader', (flow) =>
      setConfig(flow, 'orders', {
        filters: { match: 'all', conditions: [{ path: 'customer.email', operator: 'isNotEmpty' }] },
      }),
    );
    expect(withCustomer.counts.total).toBe(orders.filter((o) => o.relationNumber !== undefined).length);
    expect(withCustomer.counts.total).toBeLessThan(orders.length);

    const invoices = (await h.teamleaderEntities<TlInvoice & { updated_at: string }>('invoices')).filter(
      (i) => i.status !== 'draft',
    );
    const dates = invoices.map((i) => i.updated_at.slice(0, 10)).sort();
    const from = dates[Math.floor(dates.length / 2)] ?? '2025-01-01';
    const recent = await h.run('orders-teamleader-to-mplus', (flow) =>
      setConfig(flow, 'invoices', { startFrom: from }),
    );
    expect(recent.counts.total).toBe(invoices.filter((i) => i.updated_at.slice(0, 10) >= from).length);
    expect(recent.counts.total).toBeLessThan(invoices.length);
  });
});

describe('both directions at once', () => {
  it('never sends an order back to the system it came from, and asks neither system when its run history knows', async () => {
    const tlBefore = (await h.teamleaderEntities<TlInvoice>('invoices')).length;
    const seedOrders = (await h.mplusEntities<WireOrder>('orders')).length;
    const toMplus = await h.run('orders-teamleader-to-mplus');
    const fromTeamleader = toMplus.counts.succeeded;
    expect(fromTeamleader).toBeGreaterThan(0);
    const tlCallsBefore = (await h.stats('teamleader')).calls;
    const toTeamleader = await h.run('orders-mplus-to-teamleader', (flow) =>
      setConfig(flow, 'invoice', { book: true }),
    );
    // One invoices.list for each of the till's own orders (by reference); none for an order this
    // data folder's runs made from a Teamleader invoice: the run history knows where it came from.
    const tlCalls = (await h.stats('teamleader')).calls;
    expect((tlCalls['invoices.list'] ?? 0) - (tlCallsBefore['invoices.list'] ?? 0)).toBe(seedOrders);
    expect(toTeamleader.counts).toEqual({
      total: seedOrders + fromTeamleader,
      succeeded: seedOrders,
      skipped: fromTeamleader,
      failed: 0,
    });
    const echoes = h.items(toTeamleader.runId).filter((item) => item.status === 'skipped');
    expect(echoes.every((item) => item.reason?.startsWith('came from Teamleader (invoice'))).toBe(true);
    const mplusBefore = mplusCalls(await h.stats('mplus'));
    const back = await h.run('orders-teamleader-to-mplus');
    expect(back.counts).toEqual({ total: seedOrders, succeeded: 0, skipped: seedOrders, failed: 0 });
    expect(h.items(back.runId).every((item) => item.reason?.startsWith('came from MplusKASSA (order'))).toBe(
      true,
    );
    // The same from the other side: the till is not asked about invoices Koppel made from it.
    expect(mplusCalls(await h.stats('mplus')) - mplusBefore).toBe(0);
    expect(await h.mplusEntities<WireOrder>('orders')).toHaveLength(seedOrders + fromTeamleader);
    expect(await h.teamleaderEntities<TlInvoice>('invoices')).toHaveLength(tlBefore + seedOrders);
  });

  it('without the run history (another install), asks the system where an order came from, and still sends none back', async () => {
    const tlBefore = (await h.teamleaderEntities<TlInvoice>('invoices')).length;
    const seedOrders = (await h.mplusEntities<WireOrder>('orders')).length;
    const fromTeamleader = (await h.run('orders-teamleader-to-mplus')).counts.succeeded;
    h.freshRunDatabase();
    const tlCallsBefore = (await h.stats('teamleader')).calls;
    const toTeamleader = await h.run('orders-mplus-to-teamleader', (flow) =>
      setConfig(flow, 'invoice', { book: true }),
    );
    // One invoices.list an order: by id for one that came from Teamleader (and no reference
    // look-up after it), by reference for a till's own order.
    const tlCalls = (await h.stats('teamleader')).calls;
    expect((tlCalls['invoices.list'] ?? 0) - (tlCallsBefore['invoices.list'] ?? 0)).toBe(
      seedOrders + fromTeamleader,
    );
    expect(toTeamleader.counts).toMatchObject({ succeeded: seedOrders, skipped: fromTeamleader, failed: 0 });
    const echoes = h.items(toTeamleader.runId).filter((item) => item.status === 'skipped');
    expect(echoes.every((item) => item.reason?.startsWith('came from Teamleader (invoice'))).toBe(true);
    h.freshRunDatabase();
    const back = await h.run('orders-teamleader-to-mplus');
    const fromTill = h
      .items(back.runId)
      .filter((item) => item.reason?.startsWith('came from MplusKASSA (order'));
    expect(fromTill).toHaveLength(seedOrders);
    expect(back.counts).toMatchObject({ succeeded: 0, failed: 0 });
    expect(await h.mplusEntities<WireOrder>('orders')).toHaveLength(seedOrders + fromTeamleader);
    expect(await h.teamleaderEntities<TlInvoice>('invoices')).toHaveLength(tlBefore + seedOrders);
  });

  it('customers and products settle: after two rounds both ways, a third round writes nothing', async () => {
    const round = [
      'customers-teamleader-to-mplus',
      'customers-mplus-to-teamleader',
      'products-teamleader-to-mplus',
      'products-mplus-to-teamleader',
    ] as const;
    let last: number[] = [];
    for (let turn = 0; turn < 3; turn++) {
      last = [];
      for (const id of round) {
        const result = await h.run(id);
        expect(result.counts.failed, id).toBe(0);
        last.push(result.counts.succeeded);
      }
    }
    expect(last).toEqual([0, 0, 0, 0]);
  });
});
