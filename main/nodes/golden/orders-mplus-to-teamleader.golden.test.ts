import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import { TaxRulesConfig } from '../../../shared/nodes/steps/tax-rules';
import { ruleFor } from '../steps/tax-rules';
import { templates, TwinHarness } from './harness';
import {
  byId,
  nodeConfig,
  primaryEmail,
  quantityOf,
  setConfig,
  type TlCompany,
  type TlContact,
  type TlDeal,
  type TlInvoice,
  type TlLine,
  type TlProduct,
  type TlQuotation,
  type WireOrder,
  type WireRelation,
} from './twin-records';

const TEMPLATE = 'orders-mplus-to-teamleader';
const rules = TaxRulesConfig.parse(nodeConfig(templates.get(TEMPLATE), 'tax'));
const DEBTOR_EMAIL = 'kassa@koppel-demo.example';

let h: TwinHarness;
beforeAll(async () => {
  h = await TwinHarness.start();
}, 120_000);
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

/** Everything the assertions look up in Teamleader after a run. */
async function teamleaderState() {
  return {
    invoices: await h.teamleaderEntities<TlInvoice>('invoices'),
    taxRates: byId(await h.teamleaderEntities<{ id: string; rate: number }>('taxRates')),
    categories: byId(await h.teamleaderEntities<{ id: string; name: string }>('productCategories')),
    products: byId(await h.teamleaderEntities<TlProduct>('products')),
    contacts: byId(await h.teamleaderEntities<TlContact>('contacts')),
    companies: byId(await h.teamleaderEntities<TlCompany>('companies')),
  };
}
type State = Awaited<ReturnType<typeof teamleaderState>>;

/** One POS order against its Teamleader lines: quantities, net prices, country tax, revenue category, SKU. */
function expectSameLines(
  order: WireOrder,
  lines: readonly TlLine[],
  country: string,
  state: State,
  document: 'invoice' | 'quotation',
) {
  const source = order.lineList?.line ?? [];
  expect(lines).toHaveLength(source.length);
  source.forEach((line, index) => {
    const target = lines[index];
    const rate = line.data.vatPercentage ?? 0;
    expect(target?.quantity).toBe(quantityOf(line));
    expect(target?.description).toBe(line.text);
    // Invoices keep 4 decimals of the net unit price; quotations store money (cents).
    expect(target?.unit_price.amount).toBeCloseTo(
      line.data.price / 100 / (1 + rate / 100),
      document === 'invoice' ? 4 : 2,
    );
    expect((state.taxRates.get(target?.tax.id ?? '')?.rate ?? -1) * 100).toBeCloseTo(
      ruleFor(rules.taxRules, country, rate)?.targetTax ?? -1,
      6,
    );
    expect(state.products.get(target?.product?.id ?? '')?.code).toBe(String(line.articleNumber));
    if (document === 'invoice') {
      expect(state.categories.get(target?.product_category?.id ?? '')?.name).toBe(
        ruleFor(rules.revenueRules, country, rate)?.account,
      );
    }
  });
}

/** The customer on the document: the default debtor, a company with its contact linked, or a person. */
function expectCustomer(
  customer: { type: string; id: string },
  relation: WireRelation | undefined,
  state: State,
) {
  if (!relation) {
    expect(customer.type).toBe('contact');
    expect(primaryEmail(state.contacts.get(customer.id)?.emails ?? [])).toBe(DEBTOR_EMAIL);
  } else if (relation.companyName) {
    expect(customer.type).toBe('company');
    const company = state.companies.get(customer.id);
    expect(company?.name).toBe(relation.companyName);
    expect(primaryEmail(company?.emails ?? [])).toBe(relation.email?.toLowerCase());
    const linked = [...state.contacts.values()].filter((c) =>
      c.companies.some((link) => link.company.id === customer.id),
    );
    expect(linked.map((c) => [c.first_name, c.last_name].filter(Boolean).join(' '))).toContain(
      relation.contact,
    );
  } else {
    expect(customer.type).toBe('contact');
    expect(primaryEmail(state.contacts.get(customer.id)?.emails ?? [])).toBe(relation.email?.toLowerCase());
  }
}

describe('template orders-mplus-to-teamleader', () => {
  it('makes each POS order exactly one invoice: same lines, quantities and prices, the tax rate of the customer’s country', async () => {
    const orders = await h.mplusEntities<WireOrder>('orders');
    const relations = new Map(
      (await h.mplusEntities<WireRelation>('relations')).map((r) => [r.relationNumber, r]),
    );
    const callsBefore = (await h.stats('teamleader')).calls;
    const tillCallsBefore = (await h.stats('mplus')).calls;
    const result = await h.run(TEMPLATE);
    expect(result.counts).toEqual({ total: orders.length, succeeded: orders.length, skipped: 0, failed: 0 });
    // The orders' customers are read a page at a time (100 orders a page), not one call each.
    const tillCalls = (await h.stats('mplus')).calls;
    const tillMade = (operation: string) => (tillCalls[operation] ?? 0) - (tillCallsBefore[operation] ?? 0);
    expect(tillMade('getRelation')).toBe(0);
    expect(tillMade('getRelations')).toBeGreaterThan(0);
    expect(tillMade('getRelations')).toBeLessThanOrEqual(Math.ceil(orders.length / 100));
    // Each order is looked up once by its reference: the "skip if in Teamleader" step asks, and the
    // invoice target trusts its "not found" instead of asking again before creating.
    const calls = (await h.stats('teamleader')).calls;
    expect((calls['invoices.list'] ?? 0) - (callsBefore['invoices.list'] ?? 0)).toBe(orders.length);
    expect((calls['invoices.draft'] ?? 0) - (callsBefore['invoices.draft'] ?? 0)).toBe(orders.length);

    const state = await teamleaderState();
    let walkIns = 0;
    let companies = 0;
    for (const order of orders) {
      const mine = state.invoices.filter((invoice) => invoice.purchase_order_number === order.orderId);
      expect(mine, `invoices for order ${order.orderId}`).toHaveLength(1);
      const invoice = mine[0] as TlInvoice;
      expect(invoice.status).toBe('draft');
      const relation = order.relationNumber === undefined ? undefined : relations.get(order.relationNumber);
      if (!relation) walkIns++;
      if (relation?.companyName) companies++;
      expectSameLines(
        order,
        invoice.grouped_lines.flatMap((g) => g.line_items),
        relation?.country ?? rules.defaultCountry,
        state,
        'invoice',
      );
      expectCustomer(invoice.invoicee.customer, relation, state);
      expect(invoice.total.tax_exclusive.amount).toBeCloseTo((order.totalExclAmount ?? 0) / 100, 1);
    }
    // The seed has both kinds of special customer, so both rules were exercised.
    expect(walkIns).toBeGreaterThan(0);
    expect(companies).toBeGreaterThan(0);
    const searchable = h.items(result.runId).filter((item) => item.businessKeys.orderNumber?.startsWith('O'));
    expect(searchable).toHaveLength(orders.length);
    // Each record keeps Teamleader's answer: the draft call and the invoice it made.
    for (const item of searchable.slice(0, 5)) {
      const detail = h.runStore().items.detail(item.id);
      const invoiceId = item.targetIds?.invoiceId;
      expect(invoiceId).toBeTruthy();
      expect(detail?.response).toEqual({
        calls: [
          { operation: 'invoices.draft', status: 201, answer: { data: { type: 'invoice', id: invoiceId } } },
        ],
      });
    }
  });

  it('looks product codes up about once a run (a dry run once), and creates each new product once', async () => {
    const orders = await h.mplusEntities<WireOrder>('orders');
    const skus = new Set(
      orders.flatMap((order) => (order.lineList?.line ?? []).map((line) => line.articleNumber)),
    );
    const callsOf = async () => (await h.stats('teamleader')).calls;
    // After 20 look-ups a run reads the product list instead (100 products a call).
    const listPages = Math.ceil((await h.teamleaderEntities<TlProduct>('products')).length / 100);
    const before = await callsOf();
    const dry = await h.run(TEMPLATE, undefined, { dryRun: true });
    expect(dry.counts.failed).toBe(0);
    const afterDry = await callsOf();
    expect((afterDry['products.list'] ?? 0) - (before['products.list'] ?? 0)).toBeLessThanOrEqual(
      skus.size + listPages,
    );
    expect(afterDry['products.add'] ?? 0).toBe(before['products.add'] ?? 0);

    const run = await h.run(TEMPLATE);
    expect(run.counts.failed).toBe(0);
    const afterRun = await callsOf();
    const added = (afterRun['products.add'] ?? 0) - (afterDry['products.add'] ?? 0);
    expect(added).toBeGreaterThan(0);
    // A code is looked up once, and a new one again only by an order that came by between the
    // look-up and the start of its creation; before, every new product was looked up twice.
    expect((afterRun['products.list'] ?? 0) - (afterDry['products.list'] ?? 0)).toBeLessThan(
      skus.size + added + listPages,
    );
    const products = await h.teamleaderEntities<TlProduct>('products');
    const codes = products.map((product) => product.code);
    expect(new Set(codes).size).toBe(codes.length);
    // The account's departments and tax rates: read once a run (one call each here), shared by the
    // nodes that need them (the products step and the invoice target read them each before).
    for (const operation of ['departments.list', 'taxRates.list']) {
      expect((afterDry[operation] ?? 0) - (before[operation] ?? 0), `${operation}, dry run`).toBe(1);
      expect((afterRun[operation] ?? 0) - (afterDry[operation] ?? 0), operation).toBe(1);
    }
  });

  it('writes nothing on a second run, nor after the ledger is lost (the reference finds every invoice)', async () => {
    const first = await h.run(TEMPLATE);
    const before = (await h.teamleaderEntities<TlInvoice>('invoices')).length;
    const second = await h.run(TEMPLATE);
    expect(second.counts).toEqual({ total: 0, succeeded: 0, skipped: 0, failed: 0 });
    h.freshRunDatabase();
    const third = await h.run(TEMPLATE);
    expect(third.counts).toEqual({
      total: first.counts.total,
      succeeded: 0,
      skipped: first.counts.total,
      failed: 0,
    });
    expect(
      h.items(third.runId).every((item) => item.reason?.startsWith('already in Teamleader as invoice')),
    ).toBe(true);
    expect(await h.teamleaderEntities<TlInvoice>('invoices')).toHaveLength(before);
  });

  it('makes offers (a deal with a quotation) when the target is set to quotation', async () => {
    const orders = await h.mplusEntities<WireOrder>('orders');
    const relations = new Map(
      (await h.mplusEntities<WireRelation>('relations')).map((r) => [r.relationNumber, r]),
    );
    const callsBefore = (await h.stats('teamleader')).calls;
    const result = await h.run(TEMPLATE, (flow) => {
      setConfig(flow, 'invoice', { documentType: 'quotation' });
      setConfig(flow, 'skip', { documentType: 'quotation' });
    });
    expect(result.counts).toMatchObject({ total: orders.length, succeeded: orders.length, failed: 0 });
    const calls = (await h.stats('teamleader')).calls;
    expect((calls['deals.list'] ?? 0) - (callsBefore['deals.list'] ?? 0)).toBe(orders.length);
    const state = await teamleaderState();
    const deals = await h.teamleaderEntities<TlDeal>('deals');
    const quotations = byId(await h.teamleaderEntities<TlQuotation>('quotations'));
    for (const order of orders) {
      const mine = deals.filter((deal) => deal.title.includes(`[${order.orderId}]`));
      expect(mine, `deals for order ${order.orderId}`).toHaveLength(1);
      const deal = mine[0] as TlDeal;
      const quotation = quotations.get(deal.quotations[0]?.id ?? '');
      const relation = order.relationNumber === undefined ? undefined : relations.get(order.relationNumber);
      expectSameLines(
        order,
        quotation?.grouped_lines.flatMap((g) => g.line_items) ?? [],
        relation?.country ?? rules.defaultCountry,
        state,
        'quotation',
      );
      expectCustomer(deal.lead.customer, relation, state);
    }
    expect(
      state.invoices.filter((invoice) => orders.some((o) => o.orderId === invoice.purchase_order_number)),
    ).toHaveLength(0);
  });

  it('makes one deal per order when its quotation fails and is retried, and the quotation on the next run', async () => {
    const orders = await h.mplusEntities<WireOrder>('orders');
    const asQuotations = (flow: FlowDocument) => {
      setConfig(flow, 'invoice', { documentType: 'quotation' });
      setConfig(flow, 'skip', { documentType: 'quotation' });
      flow.settings.retry = { attempts: 2, baseDelaySeconds: 0.01, maxDelaySeconds: 0.05 };
    };
    const mine = (deals: readonly TlDeal[], order: WireOrder) =>
      deals.filter((deal) => deal.title.includes(`[${order.orderId}]`));
    // Every quotation answers 500 (nothing written, but the client cannot know): each attempt
    // looks the order's deal up and finds it without its quotation.
    await h.faults('teamleader', { errorRate: 1, statuses: [500], operations: ['quotations.create'] });
    const failing = await h.run(TEMPLATE, asQuotations);
    await h.faults('teamleader', {});
    expect(failing.counts).toMatchObject({ total: orders.length, failed: orders.length });
    let deals = await h.teamleaderEntities<TlDeal>('deals');
    for (const order of orders) expect(mine(deals, order), order.orderId).toHaveLength(1);

    const next = await h.run(TEMPLATE, asQuotations);
    expect(next.counts).toMatchObject({ total: orders.length, succeeded: orders.length, failed: 0 });
    deals = await h.teamleaderEntities<TlDeal>('deals');
    for (const order of orders) {
      expect(mine(deals, order), order.orderId).toHaveLength(1);
      expect(mine(deals, order)[0]?.quotations, order.orderId).toHaveLength(1);
    }
  });

  it('reads MplusKASSA invoices when the source is set to invoices, with the invoice id as reference', async () => {
    const mplusInvoices = await h.mplusEntities<{ invoiceId: string; lineList?: { line?: unknown[] } }>(
      'invoices',
    );
    const result = await h.run(TEMPLATE, (flow) => setConfig(flow, 'orders', { documentType: 'invoices' }));
    expect(result.counts).toMatchObject({
      total: mplusInvoices.length,
      succeeded: mplusInvoices.length,
      failed: 0,
    });
    const invoices = await h.teamleaderEntities<TlInvoice>('invoices');
    for (const source of mplusInvoices) {
      const mine = invoices.filter((invoice) => invoice.purchase_order_number === source.invoiceId);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.grouped_lines.flatMap((g) => g.line_items)).toHaveLength(
        source.lineList?.line?.length ?? 0,
      );
    }
  });

  it('warns once a run of each source rate the tax rules send to Teamleader at another rate, naming the first line', async () => {
    const orders = await h.mplusEntities<WireOrder>('orders');
    const relations = new Map(
      (await h.mplusEntities<WireRelation>('relations')).map((r) => [r.relationNumber, r]),
    );
    // What the template's rules change, order by order (the sandbox's Teamleader has Belgian rates).
    const changed = new Set<string>();
    for (const order of orders) {
      const relation = order.relationNumber === undefined ? undefined : relations.get(order.relationNumber);
      const country = relation?.country ?? rules.defaultCountry;
      for (const line of order.lineList?.line ?? []) {
        const rate = line.data.vatPercentage ?? 0;
        const to = ruleFor(rules.taxRules, country, rate)?.targetTax;
        if (to !== undefined && to !== rate) changed.add(`${rate} → ${to}`);
      }
    }
    expect(changed.size).toBeGreaterThan(0);

    for (const dryRun of [true, false]) {
      const result = await h.run(TEMPLATE, undefined, { dryRun });
      const warnings = h.logLines(result.runId, 'teamleaderTaxChanged');
      expect(warnings.every((warning) => warning.level === 'warn')).toBe(true);
      expect(new Set(warnings.map((w) => `${w.text?.params.from} → ${w.text?.params.to}`))).toEqual(changed);
      expect(warnings).toHaveLength(changed.size);
      // Each points at its record (the log links to it).
      expect(warnings.every((warning) => warning.key?.startsWith('mplus:order:'))).toBe(true);
      expect(warnings[0]?.message).toMatch(
        /^Sales order "[^"]+" line \d+: \d+ % VAT at the source, \d+ % in Teamleader \("Tax per country" maps it so\)/,
      );
    }
  });

  it('fails the orders of a customer whose country has no tax mapping, naming the country; the rest go through', async () => {
    const orders = await h.mplusEntities<WireOrder>('orders');
    const spanish = orders.find((order) => order.relationNumber !== undefined);
    if (!spanish?.relationNumber) throw new Error('the seed has no order with a customer');
    const outcome = await h.mplus.updateRelation({ relationNumber: spanish.relationNumber, country: 'ES' });
    expect(outcome.kind).toBe('updated');
    const affected = orders.filter((order) => order.relationNumber === spanish.relationNumber);
    const result = await h.run(TEMPLATE);
    expect(result.counts).toMatchObject({
      total: orders.length,
      failed: affected.length,
      succeeded: orders.length - affected.length,
    });
    for (const order of affected) {
      const item = h
        .items(result.runId)
        .find((candidate) => candidate.key === `mplus:order:${order.orderId}`);
      const rate = order.lineList?.line?.[0]?.data.vatPercentage ?? 0;
      expect(item?.error?.message).toBe(
        `Sales order "${order.transactionString}": country "ES" has no tax mapping (line 1, ${rate} %); add a row for ES to the tax rules.`,
      );
      expect(item?.error?.nodeId).toBe('tax');
    }

    // The user adds Spain (everything at 21 %) and retries the failed orders: they go through, and
    // a retried order's log holds what the retry run told of it.
    const flow = templates.get(TEMPLATE);
    setConfig(flow, 'tax', { taxRules: [...rules.taxRules, { country: 'ES', targetTax: 21 }] });
    const failed = h.items(result.runId).filter((item) => item.status === 'failed');
    const retry = await h.engine.run({
      flow,
      trigger: 'retry',
      retry: { parentRunId: result.runId, itemIds: failed.map((item) => item.id) },
    });
    expect(retry.counts).toMatchObject({ total: affected.length, succeeded: affected.length });
    const told = h
      .logLines(retry.runId, 'teamleaderTaxChanged')
      .filter((line) => line.text?.params.to === 21);
    expect(told.length, 'a Spanish order with a line not at 21 %').toBeGreaterThan(0);
    for (const line of told) {
      const first = failed.find((item) => item.key === line.key);
      const again = h.items(retry.runId).find((item) => item.key === line.key);
      if (!first || !again) throw new Error(`the retried record ${line.key ?? ''}`);
      // Asked from the failed attempt or from the retry, the record's log is the same.
      for (const id of [first.id, again.id]) {
        expect(h.runStore().recordLog(id)).toEqual([
          expect.objectContaining({ seq: line.seq, message: line.message }),
        ]);
      }
    }
  });
});
