import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
  type TlInvoice,
  type TlProduct,
  type TlQuotation,
  type WireArticle,
  type WireOrder,
  type WireRelation,
} from './twin-records';

const TEMPLATE = 'orders-teamleader-to-mplus';
const rules = TaxRulesConfig.parse(nodeConfig(templates.get(TEMPLATE), 'tax'));

let h: TwinHarness;
beforeAll(async () => {
  h = await TwinHarness.start();
}, 120_000);
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

const booked = (invoices: readonly TlInvoice[]) =>
  invoices.filter((i) => i.status === 'outstanding' || i.status === 'matched');

/** A booked invoice for an existing contact with one line of a (new) product coded `code`. */
async function bookedInvoiceWith(code: string): Promise<string> {
  const contact = (await h.teamleaderEntities<TlContact>('contacts'))[0];
  const department = (await h.teamleader.departments.list({}))[0];
  const rate = (await h.teamleader.taxRates.list({ filter: { department_id: department?.id ?? '' } })).find(
    (r) => r.rate === 0.21,
  );
  const product = await h.teamleader.products.add({
    name: `Product ${code}`,
    code,
    selling_price: { amount: 10, currency: 'EUR' },
  });
  const draft = await h.teamleader.invoices.draft({
    invoicee: { customer: { type: 'contact', id: contact?.id ?? '' } },
    department_id: department?.id ?? '',
    payment_term: { type: 'cash' },
    grouped_lines: [
      {
        line_items: [
          {
            quantity: 1,
            description: `Product ${code}`,
            unit_price: { amount: 10, tax: 'excluding' },
            tax_rate_id: rate?.id ?? '',
            product_id: product.id ?? '',
          },
        ],
      },
    ],
  });
  await h.teamleader.invoices.book({ id: draft.id ?? '', on: '2026-03-05' });
  return draft.id ?? '';
}

describe('template orders-teamleader-to-mplus', () => {
  it('makes each booked invoice exactly one MplusKASSA order: customer by e-mail, SKU as article number, net prices, country VAT code', async () => {
    const invoices = booked(await h.teamleaderEntities<TlInvoice>('invoices'));
    const result = await h.run(TEMPLATE);
    expect(result.counts).toEqual({
      total: invoices.length,
      succeeded: invoices.length,
      skipped: 0,
      failed: 0,
    });

    const orders = await h.mplusEntities<WireOrder>('orders');
    const relations = new Map(
      (await h.mplusEntities<WireRelation>('relations')).map((r) => [r.relationNumber, r]),
    );
    const articles = new Map(
      (await h.mplusEntities<WireArticle>('articles')).map((a) => [a.articleNumber, a]),
    );
    const contacts = byId(await h.teamleaderEntities<TlContact>('contacts'));
    const companies = byId(await h.teamleaderEntities<TlCompany>('companies'));
    const products = byId(await h.teamleaderEntities<TlProduct>('products'));
    const taxRates = byId(await h.teamleaderEntities<{ id: string; rate: number }>('taxRates'));
    for (const invoice of invoices) {
      const mine = orders.filter((order) => order.extOrderId === invoice.id);
      expect(mine, `orders for invoice ${invoice.invoice_number}`).toHaveLength(1);
      const order = mine[0] as WireOrder;
      expect(order).toMatchObject({
        employeeNumber: 999999,
        entryBranchNumber: 1,
        vatMethod: 'VAT-METHOD-EXCLUSIVE',
        reference: invoice.invoice_number,
      });
      const customer = invoice.invoicee.customer;
      const source = customer.type === 'company' ? companies.get(customer.id) : contacts.get(customer.id);
      const relation = relations.get(order.relationNumber ?? -1);
      expect(relation?.email?.toLowerCase()).toBe(primaryEmail(source?.emails ?? []));
      if (customer.type === 'company') expect(relation?.companyName).toBe(companies.get(customer.id)?.name);
      const address =
        source?.addresses.find((a) => a.type === 'invoicing') ??
        source?.addresses.find((a) => a.type === 'primary');
      const country = address?.address.country ?? rules.defaultCountry;
      const lines = invoice.grouped_lines.flatMap((g) => g.line_items);
      const mplusLines = order.lineList?.line ?? [];
      expect(mplusLines).toHaveLength(lines.length);
      lines.forEach((line, index) => {
        const target = mplusLines[index];
        const code = products.get(line.product?.id ?? '')?.code ?? '';
        expect(target?.articleNumber).toBe(Number(code.replace(/^SKU-/, '')));
        expect(articles.has(target?.articleNumber ?? -1)).toBe(true);
        expect(quantityOf(target ?? { articleNumber: 0, data: { quantity: 0, price: 0 } })).toBe(
          line.quantity,
        );
        expect(target?.data.price).toBe(Math.round(line.unit_price.amount * 100));
        const rate = Math.round((taxRates.get(line.tax.id)?.rate ?? 0) * 100);
        expect(target?.data.vatCode).toBe(ruleFor(rules.taxRules, country, rate)?.targetTax);
        expect(target?.data.discountPercentage ?? 0).toBe(Math.round(line.discount?.value ?? 0));
      });
    }
    // What each record's item shows as sent is the order the till got: its number, customer and
    // lines (articles and VAT codes) as the till stored them.
    const sent = h.items(result.runId).map(
      (item) =>
        h.runStore().items.detail(item.id)?.request as {
          operation?: string;
          order?: {
            extOrderId: string;
            reference: string;
            relationNumber: number;
            lineList: { line: { articleNumber: number; data: { vatCode?: number } }[] };
          };
        } | null,
    );
    expect(sent.filter((request) => request?.operation === 'createOrderV3')).toHaveLength(invoices.length);
    for (const request of sent) {
      if (request?.operation !== 'createOrderV3' || !request.order) continue;
      const order = orders.find((candidate) => candidate.extOrderId === request.order?.extOrderId);
      expect(order, `the order of ${request.order.reference}`).toMatchObject({
        reference: request.order.reference,
        relationNumber: request.order.relationNumber,
      });
      expect(
        (order?.lineList?.line ?? []).map((line) => [line.articleNumber, line.data.vatCode]),
        `the lines of ${request.order.reference}`,
      ).toEqual(request.order.lineList.line.map((line) => [line.articleNumber, line.data.vatCode]));
    }
    // Each order was created by exactly one createOrderV3 call (idempotency key per record).
    const stats = (await (await fetch(`${h.mplusTwin.adminUrl}/stats`)).json()) as {
      calls: Record<string, number>;
    };
    expect(stats.calls.createOrderV3).toBe(invoices.length);
  });

  it('warns once a run of each Teamleader rate whose VAT code has another rate in MplusKASSA, naming the first line', async () => {
    const invoices = booked(await h.teamleaderEntities<TlInvoice>('invoices'));
    const contacts = byId(await h.teamleaderEntities<TlContact>('contacts'));
    const companies = byId(await h.teamleaderEntities<TlCompany>('companies'));
    const taxRates = byId(await h.teamleaderEntities<{ id: string; rate: number }>('taxRates'));
    const percentOf = new Map((await h.mplus.getVatGroupList()).map((g) => [g.vatCode, g.vatPercentage]));
    // What the template's rules change (the sandbox's till has Dutch rates, Teamleader Belgian ones).
    const changed = new Set<string>();
    for (const invoice of invoices) {
      const customer = invoice.invoicee.customer;
      const source = customer.type === 'company' ? companies.get(customer.id) : contacts.get(customer.id);
      const address =
        source?.addresses.find((a) => a.type === 'invoicing') ??
        source?.addresses.find((a) => a.type === 'primary');
      const country = address?.address.country ?? rules.defaultCountry;
      for (const line of invoice.grouped_lines.flatMap((g) => g.line_items)) {
        const rate = Math.round((taxRates.get(line.tax.id)?.rate ?? 0) * 100);
        const code = ruleFor(rules.taxRules, country, rate)?.targetTax;
        const to = code === undefined ? undefined : percentOf.get(code);
        if (code !== undefined && to !== undefined && to !== rate) changed.add(`${rate} → ${code} (${to} %)`);
      }
    }
    expect(changed.size).toBeGreaterThan(0);

    for (const dryRun of [true, false]) {
      const result = await h.run(TEMPLATE, undefined, { dryRun });
      const warnings = h.logLines(result.runId, 'mplusTaxChanged');
      expect(
        new Set(
          warnings.map((w) => `${w.text?.params.from} → ${w.text?.params.code} (${w.text?.params.to} %)`),
        ),
      ).toEqual(changed);
      expect(warnings).toHaveLength(changed.size);
      expect(warnings.every((w) => w.level === 'warn' && w.key?.startsWith('teamleader:invoice:'))).toBe(
        true,
      );
      expect(warnings[0]?.message).toMatch(
        /^Invoice "[^"]+" line \d+: \d+ % VAT at the source, \d+ % in MplusKASSA \(VAT code \d+, as "Tax per country" maps it\)/,
      );
    }
  });

  it('leaves drafts alone and writes nothing on a second run, nor after the ledger is lost', async () => {
    const drafts = (await h.teamleaderEntities<TlInvoice>('invoices')).filter((i) => i.status === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    const first = await h.run(TEMPLATE);
    const orders = await h.mplusEntities<WireOrder>('orders');
    expect(orders.filter((o) => drafts.some((d) => d.id === o.extOrderId))).toHaveLength(0);
    expect((await h.run(TEMPLATE)).counts.total).toBe(0);
    h.freshRunDatabase();
    const again = await h.run(TEMPLATE);
    expect(again.counts).toEqual({
      total: first.counts.total,
      succeeded: 0,
      skipped: first.counts.total,
      failed: 0,
    });
    expect(
      h.items(again.runId).every((item) => item.reason?.startsWith('already in MplusKASSA as order')),
    ).toBe(true);
    expect(await h.mplusEntities<WireOrder>('orders')).toHaveLength(orders.length);
  });

  it('fails an invoice with a non-numeric SKU, naming the SKU; the others go through', async () => {
    const id = await bookedInvoiceWith('ABC-1');
    const result = await h.run(TEMPLATE);
    const item = h.items(result.runId).find((candidate) => candidate.key === `teamleader:invoice:${id}`);
    const number = (await h.teamleader.invoices.info({ id })).invoice_number;
    expect(item?.status).toBe('failed');
    expect(item?.error?.message).toBe(
      `Invoice "${number}" line 1: SKU "ABC-1" is not an MplusKASSA article number (digits only, after removing the prefix "SKU-").`,
    );
    expect(result.counts.failed).toBe(1);
    expect((await h.mplusEntities<WireOrder>('orders')).some((order) => order.extOrderId === id)).toBe(false);
  });

  it('with article creation off, fails an invoice whose product is missing, naming it', async () => {
    const id = await bookedInvoiceWith('123');
    const result = await h.run(TEMPLATE, (flow) => setConfig(flow, 'products', { createMissing: false }));
    const item = h.items(result.runId).find((candidate) => candidate.key === `teamleader:invoice:${id}`);
    const number = (await h.teamleader.invoices.info({ id })).invoice_number;
    expect(item?.error?.message).toBe(
      `Invoice "${number}": product "123" is not in MplusKASSA and creating products is off.`,
    );
    expect(item?.error?.nodeId).toBe('products');
    expect(
      (await h.mplusEntities<WireArticle>('articles')).some((article) => article.articleNumber === 123),
    ).toBe(false);
  });
});

describe('template orders-teamleader-to-mplus, other sources', () => {
  it('reads accepted quotations (the source setting) into orders with the quotation lines', async () => {
    const quotations = await h.teamleaderEntities<TlQuotation & { status: string }>('quotations');
    const chosen = quotations.filter((q) => q.status === 'open').slice(0, 2);
    for (const quotation of chosen) await h.teamleader.quotations.accept({ id: quotation.id });
    const accepted = (await h.teamleaderEntities<TlQuotation & { status: string }>('quotations')).filter(
      (q) => q.status === 'accepted',
    );
    const result = await h.run(TEMPLATE, (flow) =>
      setConfig(flow, 'invoices', { documentType: 'quotations', statuses: [] }),
    );
    expect(result.counts).toEqual({
      total: accepted.length,
      succeeded: accepted.length,
      skipped: 0,
      failed: 0,
    });
    const orders = await h.mplusEntities<WireOrder>('orders');
    for (const quotation of accepted) {
      const mine = orders.filter((order) => order.extOrderId === quotation.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.lineList?.line?.map(quantityOf)).toEqual(
        quotation.grouped_lines.flatMap((g) => g.line_items).map((l) => l.quantity),
      );
    }
  });

  it('reads won deals (the source setting) with the lines of their quotation', async () => {
    const quotation = (await h.teamleaderEntities<TlQuotation>('quotations'))[0] as TlQuotation;
    await h.teamleader.deals.win({ id: quotation.deal.id });
    const won = (await h.teamleaderEntities<{ id: string; status: string }>('deals')).filter(
      (d) => d.status === 'won',
    );
    const result = await h.run(TEMPLATE, (flow) =>
      setConfig(flow, 'invoices', { documentType: 'deals', statuses: [] }),
    );
    expect(result.counts).toMatchObject({ total: won.length, failed: 0 });
    const order = (await h.mplusEntities<WireOrder>('orders')).find(
      (o) => o.extOrderId === quotation.deal.id,
    );
    expect(order?.lineList?.line?.map(quantityOf)).toEqual(
      quotation.grouped_lines.flatMap((g) => g.line_items).map((l) => l.quantity),
    );
  });
});

describe('template order-status-teamleader-to-mplus', () => {
  it('pays the MplusKASSA order of each paid invoice once, and of an invoice paid later', async () => {
    await h.run(TEMPLATE);
    const invoices = booked(await h.teamleaderEntities<TlInvoice>('invoices'));
    const paid = invoices.filter((i) => i.status === 'matched');
    const open = invoices.filter((i) => i.status === 'outstanding');
    expect(paid.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);

    const first = await h.run('order-status-teamleader-to-mplus');
    expect(first.counts).toEqual({ total: paid.length, succeeded: paid.length, skipped: 0, failed: 0 });
    const orders = await h.mplusEntities<WireOrder>('orders');
    const orderOf = (id: string) => orders.find((order) => order.extOrderId === id);
    for (const invoice of paid) {
      expect(orderOf(invoice.id)?.fullyPaid).toBe(true);
      expect(orderOf(invoice.id)?.invoiceIds?.id?.length).toBeGreaterThan(0);
    }
    for (const invoice of open) expect(orderOf(invoice.id)?.fullyPaid).toBeFalsy();

    const later = open[0] as TlInvoice;
    await h.teamleader.invoices.registerPayment({
      id: later.id,
      payment: { amount: later.total.payable?.amount ?? later.total.tax_inclusive.amount, currency: 'EUR' },
      paid_at: '2026-03-06T10:00:00+00:00',
    });
    const second = await h.run('order-status-teamleader-to-mplus');
    expect(second.counts).toEqual({ total: 1, succeeded: 1, skipped: 0, failed: 0 });
    const after = (await h.mplusEntities<WireOrder>('orders')).find((order) => order.extOrderId === later.id);
    expect(after?.fullyPaid).toBe(true);
    expect((await h.run('order-status-teamleader-to-mplus')).counts.succeeded).toBe(0);
    const stats = (await (await fetch(`${h.mplusTwin.adminUrl}/stats`)).json()) as {
      calls: Record<string, number>;
    };
    expect(stats.calls.payOrderV2).toBe(paid.length + 1);
  });

  it('lets a retried payment whose order is still missing wait for it too', async () => {
    const paid = (await h.teamleaderEntities<TlInvoice>('invoices')).filter((i) => i.status === 'matched');
    // MplusKASSA cannot be asked: every payment fails (one attempt).
    await h.faults('mplus', { errorRate: 1, operations: ['findOrder'] });
    const flow = templates.get('order-status-teamleader-to-mplus');
    flow.settings.retry = { attempts: 1, baseDelaySeconds: 0.01, maxDelaySeconds: 0.01 };
    const failing = await h.engine.run({ flow, trigger: 'manual' });
    await h.faults('mplus', {});
    expect(failing.counts).toMatchObject({ total: paid.length, failed: paid.length });
    // Retried while the orders flow has not run: each is skipped for its missing order, and waits.
    const retry = await h.engine.run({
      flow,
      trigger: 'retry',
      retry: {
        parentRunId: failing.runId,
        itemIds: h
          .runStore()
          .items.failed(failing.runId)
          .map((item) => item.id),
      },
    });
    expect(retry.counts).toMatchObject({ total: paid.length, skipped: paid.length, failed: 0 });
    expect(h.runStore().waiting.ofSource('order-status-teamleader-to-mplus', 'payments')).toHaveLength(
      paid.length,
    );
    await h.run(TEMPLATE);
    const next = await h.run('order-status-teamleader-to-mplus');
    expect(next.counts).toEqual({ total: paid.length, succeeded: paid.length, skipped: 0, failed: 0 });
  });

  it('pays the orders of invoices paid before the orders flow made them, on the next run after it', async () => {
    const paid = (await h.teamleaderEntities<TlInvoice>('invoices')).filter((i) => i.status === 'matched');
    const result = await h.run('order-status-teamleader-to-mplus');
    expect(result.counts).toEqual({ total: paid.length, succeeded: 0, skipped: paid.length, failed: 0 });
    expect(
      h.items(result.runId).every((item) => item.reason?.startsWith('no MplusKASSA order with extOrderId')),
    ).toBe(true);
    // Nothing changes these invoices again: without being offered again, their payment was lost.
    await h.run(TEMPLATE);
    // A dry run neither offers them nor ends their wait.
    const preview = await h.run('order-status-teamleader-to-mplus', undefined, { dryRun: true });
    expect(preview.counts.total).toBe(0);
    expect(h.runStore().waiting.ofSource('order-status-teamleader-to-mplus', 'payments')).toHaveLength(
      paid.length,
    );
    const next = await h.run('order-status-teamleader-to-mplus');
    expect(next.counts).toEqual({ total: paid.length, succeeded: paid.length, skipped: 0, failed: 0 });
    const orders = await h.mplusEntities<WireOrder>('orders');
    for (const invoice of paid)
      expect(orders.find((order) => order.extOrderId === invoice.id)?.fullyPaid, invoice.id).toBe(true);
    expect((await h.run('order-status-teamleader-to-mplus')).counts.total).toBe(0);
  });
});
