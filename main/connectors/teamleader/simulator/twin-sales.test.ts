import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamleaderClient } from '../client';
import type { TeamleaderRequest } from '../schemas';
import { connectTwinClient } from './testing';
import { startTeamleaderTwin, type TeamleaderTwin } from './twin';

let twin: TeamleaderTwin;
let client: TeamleaderClient;
let department: string;
let otherDepartment: string;
let rate6: string;
let rate21: string;
let customer: string;

beforeAll(async () => {
  twin = await startTeamleaderTwin({ seed: 33, rateLimitPerMinute: 100_000 });
  ({ client } = await connectTwinClient(twin));
  const [first, second] = await client.departments.list();
  department = first?.id ?? '';
  otherDepartment = second?.id ?? '';
  const rates = await client.taxRates.list({ filter: { department_id: department } });
  rate6 = rates.find((r) => r.rate === 0.06)?.id ?? '';
  rate21 = rates.find((r) => r.rate === 0.21)?.id ?? '';
  customer = (await client.contacts.add({ first_name: 'An', last_name: 'Peeters' })).id;
});
afterAll(async () => {
  await twin.close();
});

function draftBody(
  purchaseOrder: string,
  lines = [{ quantity: 3, amount: 1.5, rate: () => rate6 }],
): TeamleaderRequest<'invoices.draft'> {
  return {
    invoicee: { customer: { type: 'contact', id: customer } },
    department_id: department,
    payment_term: { type: 'after_invoice_date', days: 14 },
    purchase_order_number: purchaseOrder,
    grouped_lines: [
      {
        section: { title: '' },
        line_items: lines.map((l) => ({
          quantity: l.quantity,
          description: 'Croissant',
          unit_price: { amount: l.amount, tax: 'excluding' },
          tax_rate_id: l.rate(),
        })),
      },
    ],
  };
}

describe('invoices', () => {
  it('drafts without a number and computes money totals per tax rate', async () => {
    const { id } = await client.invoices.draft(
      draftBody('POS-T-1', [
        { quantity: 3, amount: 1.5, rate: () => rate6 },
        { quantity: 1, amount: 10, rate: () => rate21 },
      ]),
    );
    const invoice = await client.invoices.info({ id });
    expect(invoice.status).toBe('draft');
    expect(invoice.invoice_number).toBeNull();
    expect(invoice.total?.tax_exclusive).toEqual({ amount: 14.5, currency: 'EUR' });
    expect(invoice.total?.taxes).toEqual([
      { rate: 0.21, taxable: { amount: 10, currency: 'EUR' }, tax: { amount: 2.1, currency: 'EUR' } },
      { rate: 0.06, taxable: { amount: 4.5, currency: 'EUR' }, tax: { amount: 0.27, currency: 'EUR' } },
    ]);
    expect(invoice.total?.tax_inclusive).toEqual({ amount: 16.87, currency: 'EUR' });
    expect(invoice.invoicee?.name).toBe('An Peeters');
  });

  it('finds an invoice by purchase_order_number (where Koppel keeps the source reference)', async () => {
    const { id } = await client.invoices.draft(draftBody('POS-T-FIND'));
    await client.invoices.draft(draftBody('POS-T-OTHER'));
    const found = await client.invoices.list({ filter: { purchase_order_number: 'POS-T-FIND' } });
    expect(found.map((i) => i.id)).toEqual([id]);
  });

  it('keeps the project an invoice is drafted or updated for, and finds invoices by it', async () => {
    const project = '624ca743-8998-4f8c-add1-c427bb022166';
    const { id } = await client.invoices.draft({ ...draftBody('POS-T-PROJECT'), project_id: project });
    expect((await client.invoices.info({ id })).project).toEqual({ type: 'project', id: project });
    expect((await client.invoices.list({ filter: { project_id: project } })).map((i) => i.id)).toEqual([id]);
    const other = 'c1a7f4f2-3d3e-4d6b-9a44-0b7f2b1c9d10';
    await client.invoices.update({ id, project_id: other });
    expect((await client.invoices.info({ id })).project).toEqual({ type: 'project', id: other });
    expect(await client.invoices.list({ filter: { project_id: project } })).toEqual([]);
  });

  it('replaces the lines wholesale on update of a draft', async () => {
    const { id } = await client.invoices.draft(draftBody('POS-T-2'));
    await client.invoices.update({
      id,
      grouped_lines: [
        {
          line_items: [
            {
              quantity: 1,
              description: 'Koffie',
              unit_price: { amount: 2, tax: 'excluding' },
              tax_rate_id: rate21,
            },
          ],
        },
      ],
    });
    const invoice = await client.invoices.info({ id });
    expect(invoice.grouped_lines?.flatMap((g) => g.line_items?.map((l) => l.description))).toEqual([
      'Koffie',
    ]);
    expect(invoice.total?.tax_inclusive).toEqual({ amount: 2.42, currency: 'EUR' });
  });

  it('books: assigns the next number of the department and year, the due date, and locks the invoice', async () => {
    const a = (await client.invoices.draft(draftBody('POS-T-3'))).id;
    const b = (await client.invoices.draft(draftBody('POS-T-4'))).id;
    await client.invoices.book({ id: a, on: '2031-03-05' });
    await client.invoices.book({ id: b, on: '2031-03-06' });
    const [first, second] = await Promise.all([
      client.invoices.info({ id: a }),
      client.invoices.info({ id: b }),
    ]);
    expect([first.invoice_number, second.invoice_number]).toEqual(['2031 / 1', '2031 / 2']);
    expect(first).toMatchObject({ status: 'outstanding', invoice_date: '2031-03-05', due_on: '2031-03-19' });
    expect(first.payment_reference).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    await expect(client.invoices.update({ id: a, note: 'Too late' })).rejects.toMatchObject({
      kind: 'permanent',
      status: 400,
      title: 'Booked invoices cannot be updated',
    });
    await expect(client.invoices.book({ id: a, on: '2031-03-07' })).rejects.toMatchObject({ status: 400 });
    // Only the last booked invoice may be deleted.
    await expect(client.invoices.delete({ id: a })).rejects.toMatchObject({ status: 400 });
    await client.invoices.delete({ id: b });
    const c = (await client.invoices.draft(draftBody('POS-T-5'))).id;
    await client.invoices.book({ id: c, on: '2031-04-01' });
    expect((await client.invoices.info({ id: c })).invoice_number).toBe('2031 / 2');
  });

  it('lists invoices by number, newest first, unless the request sorts otherwise', async () => {
    const booked: string[] = [];
    for (const reference of ['SORT-1', 'SORT-2', 'SORT-3']) {
      const { id } = await client.invoices.draft(draftBody(reference));
      await client.invoices.book({ id, on: '2026-03-01' });
      booked.push(id);
    }
    const order = async (sort?: { field: 'invoice_number'; order?: 'asc' | 'desc' }[]) =>
      (await client.invoices.list({ filter: { ids: booked }, ...(sort ? { sort } : {}) })).map((i) => i.id);
    expect(await order()).toEqual([...booked].reverse());
    expect(await order([{ field: 'invoice_number' }])).toEqual([...booked].reverse());
    expect(await order([{ field: 'invoice_number', order: 'asc' }])).toEqual(booked);
  });

  it('registers payments: partly paid stays outstanding, fully paid is matched', async () => {
    const { id } = await client.invoices.draft(draftBody('POS-T-6'));
    await expect(
      client.invoices.registerPayment({
        id,
        payment: { amount: 1, currency: 'EUR' },
        paid_at: '2031-05-01T10:00:00+02:00',
      }),
    ).rejects.toMatchObject({ status: 400 });
    await client.invoices.book({ id, on: '2031-05-01' });
    await client.invoices.registerPayment({
      id,
      payment: { amount: 2, currency: 'EUR' },
      paid_at: '2031-05-01T10:00:00+02:00',
    });
    const partly = await client.invoices.info({ id });
    expect(partly).toMatchObject({
      status: 'outstanding',
      paid: false,
      total: { due: { amount: 2.77, currency: 'EUR' } },
    });
    await client.invoices.registerPayment({
      id,
      payment: { amount: 2.77, currency: 'EUR' },
      paid_at: '2031-05-02T09:30:00+00:00',
    });
    const paid = await client.invoices.info({ id });
    expect(paid).toMatchObject({ status: 'matched', paid: true, paid_at: '2031-05-02T09:30:00+00:00' });
    expect(paid.payments).toEqual([
      { paid_at: '2031-05-01T08:00:00+00:00', payment: { amount: 2, currency: 'EUR' } },
      { paid_at: '2031-05-02T09:30:00+00:00', payment: { amount: 2.77, currency: 'EUR' } },
    ]);
    expect(
      (await client.invoices.list({ filter: { status: ['matched'], ids: [id] } })).map((i) => i.id),
    ).toEqual([id]);
  });

  it('refuses a tax rate of another department, naming the line field', async () => {
    const foreign = (await client.taxRates.list({ filter: { department_id: otherDepartment } }))[0]?.id ?? '';
    const error = await client.invoices
      .draft(draftBody('POS-T-7', [{ quantity: 1, amount: 1, rate: () => foreign }]))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'permanent',
      status: 400,
      field: 'grouped_lines.0.line_items.0.tax_rate_id',
    });
  });

  it('refuses a document discount outside 0–100 %, drafting or updating nothing', async () => {
    const discount = (value: number) => [{ type: 'percentage' as const, value, description: 'Korting' }];
    const drafted = async () => (await client.invoices.list({ filter: { term: 'POS-T-8' } })).length;
    const refused = await client.invoices
      .draft({ ...draftBody('POS-T-8'), discounts: discount(150) })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400, field: 'discounts.0.value' });
    // A line's discount, the same rule.
    const body = draftBody('POS-T-8');
    const line = body.grouped_lines[0]?.line_items[0];
    if (line) line.discount = { value: 120, type: 'percentage' };
    const lineRefused = await client.invoices.draft(body).catch((e: unknown) => e);
    expect(lineRefused).toMatchObject({ status: 400, field: 'grouped_lines.0.line_items.0.discount.value' });
    expect(await drafted()).toBe(0);
    const { id } = await client.invoices.draft({ ...draftBody('POS-T-8'), discounts: discount(10) });
    const before = await client.invoices.info({ id });
    expect(before.total?.tax_exclusive).toEqual({ amount: 4.05, currency: 'EUR' });
    const update = await client.invoices
      .update({ id, discounts: discount(-5), purchase_order_number: 'POS-T-8b' })
      .catch((e: unknown) => e);
    expect(update).toMatchObject({ status: 400, field: 'discounts.0.value' });
    expect(await client.invoices.info({ id })).toEqual(before);
  });
});

describe('deals and quotations', () => {
  it('lists deals newest first unless the request sorts otherwise', async () => {
    const created = async (sort?: { field: 'created_at'; order: 'asc' | 'desc' }[]) =>
      (await client.deals.list({ page: { size: 100 }, ...(sort ? { sort } : {}) })).map(
        (d) => d.created_at ?? '',
      );
    const newestFirst = await created();
    expect(new Set(newestFirst).size).toBeGreaterThan(5);
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
    expect(await created([{ field: 'created_at', order: 'asc' }])).toEqual([...newestFirst].reverse());
  });

  it('creates a deal in the first phase, attaches quotations to it, and wins it', async () => {
    const { id } = await client.deals.create({
      lead: { customer: { type: 'contact', id: customer } },
      title: 'Feest',
      estimated_value: { amount: 500, currency: 'EUR' },
    });
    const deal = await client.deals.info({ id });
    const phases = await client.dealPhases.list({ filter: { deal_pipeline_id: deal.pipeline?.id ?? '' } });
    expect(deal.current_phase?.id).toBe(phases[0]?.id);
    expect(deal.status).toBe('open');
    expect(deal.weighted_value).toEqual({ amount: 50, currency: 'EUR' });
    const quotation = await client.quotations.create({
      deal_id: id,
      grouped_lines: [
        {
          line_items: [
            {
              quantity: 10,
              description: 'Taart',
              unit_price: { amount: 20, tax: 'excluding' },
              tax_rate_id: rate6,
            },
          ],
        },
      ],
    });
    expect((await client.deals.info({ id })).quotations).toEqual([{ type: 'quotation', id: quotation.id }]);
    expect((await client.quotations.info({ id: quotation.id })).total?.tax_inclusive).toEqual({
      amount: 212,
      currency: 'EUR',
    });
    await client.quotations.accept({ id: quotation.id });
    await client.deals.win({ id });
    expect(await client.deals.info({ id })).toMatchObject({
      status: 'won',
      closed_at: expect.stringMatching(/\+00:00$/),
    });
    expect((await client.deals.list({ filter: { status: ['won'] } })).map((d) => d.id)).toContain(id);
  });

  it('refuses an update with a probability outside 0–1, or a bad reference, and changes nothing', async () => {
    const { id } = await client.deals.create({
      lead: { customer: { type: 'contact', id: customer } },
      title: 'Receptie',
      estimated_value: { amount: 800, currency: 'EUR' },
      estimated_probability: 0.5,
    });
    const before = await client.deals.info({ id });
    const other = (await client.contacts.add({ last_name: 'Janssens' })).id;
    const refused = (body: Omit<TeamleaderRequest<'deals.update'>, 'id'>) =>
      client.deals.update({ id, ...body }).catch((e: unknown) => e);
    expect(await refused({ estimated_probability: 5 })).toMatchObject({
      status: 400,
      field: 'estimated_probability',
    });
    // The new lead is valid, the source is not: the lead must not change either.
    expect(
      await refused({
        lead: { customer: { type: 'contact', id: other } },
        source_id: '00000000-0000-4000-8000-000000000000',
      }),
    ).toMatchObject({ status: 400, field: 'source_id' });
    expect(await client.deals.info({ id })).toEqual(before);
    await client.deals.update({ id, estimated_probability: 1 });
    expect((await client.deals.info({ id })).weighted_value).toEqual({ amount: 800, currency: 'EUR' });
  });

  it("keeps a quotation line's periodicity and purchase price, also through an update of the text", async () => {
    const { id: dealId } = await client.deals.create({
      lead: { customer: { type: 'contact', id: customer } },
      title: 'Abonnement',
    });
    const { id } = await client.quotations.create({
      deal_id: dealId,
      grouped_lines: [
        {
          line_items: [
            {
              quantity: 1,
              description: 'Broodabonnement',
              unit_price: { amount: 30, tax: 'excluding' },
              tax_rate_id: rate6,
              purchase_price: { amount: 18, currency: 'EUR' },
              periodicity: { unit: 'month', period: 3 },
            },
          ],
        },
      ],
    });
    const line = async () => (await client.quotations.info({ id })).grouped_lines?.[0]?.line_items?.[0];
    expect(await line()).toMatchObject({
      periodicity: { unit: 'month', period: 3 },
      purchase_price: { amount: 18, currency: 'EUR' },
    });
    await client.quotations.update({ id, text: 'Elke drie maanden' });
    expect(await line()).toMatchObject({
      periodicity: { unit: 'month', period: 3 },
      purchase_price: { amount: 18, currency: 'EUR' },
    });
  });

  it('refuses a quotation without a deal', async () => {
    const error = await client.quotations
      .create({ deal_id: '00000000-0000-4000-8000-000000000000', text: 'Hallo' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, field: 'deal_id' });
  });
});
