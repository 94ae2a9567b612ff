/**
 * Every answer the twin gives must be valid against the official spec. This test calls every
 * operation the twin serves (reads over all seeded records, and every write) and checks each answer
 * with the spec's own response schema: closed enums, and null only where the spec or the live API
 * allows it (api-nulls.ts: empty scalars and nullable references come back as null).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMLEADER_OPERATIONS, TEAMLEADER_OPERATION_IDS, type TeamleaderOperation } from '../operations';
import { loadTeamleaderSpec } from '../spec';
import { compileResponseCheck, createSpecAjv, type SpecCheck } from '../spec-validator';
import { ENTITY_SHAPES, ENTITY_TYPES } from './state';
import { twinAdmin, twinTokens } from './testing';
import { startTeamleaderTwin, type TeamleaderTwin } from './twin';

let twin: TeamleaderTwin;
let token: string;
const checks = new Map<TeamleaderOperation, SpecCheck | undefined>();
const exercised = new Set<TeamleaderOperation>();

function checkOf(op: TeamleaderOperation): SpecCheck | undefined {
  if (!checks.has(op))
    checks.set(op, compileResponseCheck(createSpecAjv(), loadTeamleaderSpec(), op, { apiNulls: true }));
  return checks.get(op);
}

/** Calls `op`, asserts the documented status, and asserts the answer passes the spec. */
async function call(op: TeamleaderOperation, body: unknown = {}): Promise<{ data?: unknown }> {
  const response = await fetch(`${twin.apiUrl}/${op}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${op} answered ${text}`).toBe(TEAMLEADER_OPERATIONS[op].status);
  exercised.add(op);
  if (response.status === 204) {
    expect(text).toBe('');
    return {};
  }
  const json: unknown = JSON.parse(text);
  expect(checkOf(op)?.(json), `${op} answer breaks the spec`).toEqual([]);
  if (typeof json !== 'object' || json === null) throw new Error('not an object');
  return json;
}

async function createdId(op: TeamleaderOperation, body: unknown): Promise<string> {
  const { data } = await call(op, body);
  if (typeof data !== 'object' || data === null || !('id' in data) || typeof data.id !== 'string')
    throw new Error('no id');
  return data.id;
}

async function entities(type: string): Promise<{ id: string; [key: string]: unknown }[]> {
  const list = await twinAdmin(twin, `/entities/${type}`);
  if (!Array.isArray(list)) throw new Error('not a list');
  return list.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || !('id' in item) || typeof item.id !== 'string')
      throw new Error('bad record');
    return { ...item, id: item.id };
  });
}

async function firstId(
  type: string,
  where: (record: Record<string, unknown>) => boolean = () => true,
): Promise<string> {
  const found = (await entities(type)).find(where);
  if (!found) throw new Error(`no ${type}`);
  return found.id;
}

/** Reads every page of a paged list (validating each page). */
async function readAll(op: TeamleaderOperation, body: Record<string, unknown> = {}): Promise<number> {
  let total = 0;
  for (let number = 1; ; number++) {
    const { data } = await call(op, { ...body, page: { size: 100, number } });
    if (!Array.isArray(data)) throw new Error(`${op} data is not a list`);
    total += data.length;
    if (data.length < 100) return total;
  }
}

beforeAll(async () => {
  twin = await startTeamleaderTwin({ seed: 7, size: 'small', rateLimitPerMinute: 100_000 });
  token = (await twinTokens(twin)).access_token;
});

afterAll(async () => {
  await twin.close();
});

describe('twin answers are valid against the official spec', () => {
  it('stores every record exactly as its info (or list) operation shows it', async () => {
    const ajv = createSpecAjv();
    for (const type of ENTITY_TYPES) {
      const shape = ENTITY_SHAPES[type];
      const check = compileResponseCheck(ajv, loadTeamleaderSpec(), shape.op, { apiNulls: true });
      const records = await entities(type);
      for (const record of records) {
        const body = shape.shape === 'info' ? { data: record } : { data: [record] };
        expect(check?.(body), `${type} ${record.id}`).toEqual([]);
      }
    }
  });

  it('answers every read operation within the spec, over all seeded records', async () => {
    const department = await firstId('departments');
    const user = await firstId('users');
    await call('users.me');
    await readAll('users.list');
    await call('users.info', { id: user });
    await call('users.info', { id: user, includes: 'external_rate' });
    await call('departments.list');
    await call('departments.info', { id: department });
    await readAll('customFieldDefinitions.list');
    await call('customFieldDefinitions.info', { id: await firstId('customFieldDefinitions') });
    await readAll('taxRates.list', { filter: { department_id: department } });
    await call('withholdingTaxRates.list');
    await call('paymentTerms.list');
    await readAll('paymentMethods.list');
    await call('unitsOfMeasure.list');
    await call('priceLists.list');
    await call('productCategories.list');
    expect(await readAll('products.list')).toBeGreaterThan(0);
    for (const product of await entities('products'))
      await call('products.info', { id: product.id, includes: 'suppliers' });
    expect(await readAll('contacts.list', { includes: 'custom_fields' })).toBeGreaterThan(0);
    for (const contact of await entities('contacts')) await call('contacts.info', { id: contact.id });
    expect(await readAll('companies.list', { includes: 'custom_fields' })).toBeGreaterThan(0);
    for (const company of await entities('companies')) {
      await call('companies.info', { id: company.id, includes: 'related_companies,related_contacts' });
    }
    await call('businessTypes.list', { country: 'BE' });
    await readAll('dealPipelines.list');
    await readAll('dealPhases.list');
    await readAll('dealSources.list');
    await readAll('lostReasons.list');
    expect(await readAll('deals.list', { includes: 'custom_fields' })).toBeGreaterThan(0);
    for (const deal of await entities('deals')) await call('deals.info', { id: deal.id });
    expect(await readAll('quotations.list')).toBeGreaterThan(0);
    for (const quotation of await entities('quotations')) await call('quotations.info', { id: quotation.id });
    await call('orders.list', { includes: 'custom_fields' });
    for (const order of await entities('orders')) await call('orders.info', { id: order.id });
    expect(await readAll('invoices.list', { includes: 'late_fees' })).toBeGreaterThan(0);
    for (const invoice of await entities('invoices'))
      await call('invoices.info', { id: invoice.id, includes: 'late_fees' });
  });

  it('answers every write operation within the spec', async () => {
    const department = await firstId('departments');
    const rate = await firstId('taxRates', (t) => {
      const dep = t.department;
      return (
        typeof dep === 'object' && dep !== null && 'id' in dep && dep.id === department && t.rate === 0.21
      );
    });
    const customField = await firstId('customFieldDefinitions', (d) => d.context === 'contact');

    const product = await createdId('products.add', {
      name: 'Spec croissant',
      code: 'SPEC-1',
      selling_price: { amount: 1.5, currency: 'EUR' },
      tax_rate_id: rate,
      department_id: department,
      stock: { amount: 12 },
    });
    await call('products.update', {
      id: product,
      selling_price: { amount: 1.6, currency: 'EUR' },
      stock: { amount: 11 },
    });
    await call('products.info', { id: product });

    const company = await createdId('companies.add', {
      name: 'Spec Bakkerij BV',
      vat_number: 'BE0123456749',
      emails: [{ type: 'invoicing', email: 'facturen@spec.example' }],
      addresses: [
        {
          type: 'invoicing',
          address: { line_1: 'Markt 1', postal_code: '9000', city: 'Gent', country: 'BE' },
        },
      ],
    });
    await call('companies.update', { id: company, telephones: [{ type: 'phone', number: '09 123 45 67' }] });
    await call('companies.tag', { id: company, tags: ['spec'] });
    await call('companies.untag', { id: company, tags: ['spec'] });

    const contact = await createdId('contacts.add', {
      first_name: 'Spec',
      last_name: 'Tester',
      emails: [{ type: 'primary', email: 'spec@example.be' }],
      custom_fields: [{ id: customField, value: 'POS-1' }],
    });
    await call('contacts.update', { id: contact, telephones: [{ type: 'mobile', number: '0470 00 00 00' }] });
    await call('contacts.tag', { id: contact, tags: ['a', 'b'] });
    await call('contacts.untag', { id: contact, tags: ['a'] });
    await call('contacts.linkToCompany', {
      id: contact,
      company_id: company,
      position: 'CEO',
      decision_maker: true,
    });
    await call('contacts.updateCompanyLink', { id: contact, company_id: company, position: 'CFO' });
    await call('contacts.info', { id: contact });
    await call('companies.info', { id: company, includes: 'related_contacts' });
    await call('contacts.unlinkFromCompany', { id: contact, company_id: company });

    const deal = await createdId('deals.create', {
      lead: { customer: { type: 'company', id: company }, contact_person_id: contact },
      title: 'Spec deal',
      estimated_value: { amount: 100, currency: 'EUR' },
    });
    const lostDeal = await createdId('deals.create', {
      lead: { customer: { type: 'contact', id: contact } },
      title: 'Lost',
    });
    await call('deals.update', { id: deal, summary: 'Updated' });
    const phases = await call('dealPhases.list', {});
    const phase = Array.isArray(phases.data) ? (phases.data[1] as { id: string }).id : '';
    await call('deals.move', { id: deal, phase_id: phase });
    const quotation = await createdId('quotations.create', {
      deal_id: deal,
      grouped_lines: [
        {
          section: { title: 'Bakery' },
          line_items: [
            {
              quantity: 2,
              description: 'Croissant',
              unit_price: { amount: 1.5, tax: 'excluding' },
              tax_rate_id: rate,
            },
          ],
        },
      ],
    });
    await call('quotations.update', { id: quotation, text: 'Thanks' });
    await call('quotations.info', { id: quotation });
    await call('quotations.accept', { id: quotation });
    await call('deals.win', { id: deal });
    await call('deals.lose', { id: lostDeal, extra_info: 'Too expensive' });
    await call('deals.info', { id: deal });
    await call('deals.info', { id: lostDeal });

    const invoice = await createdId('invoices.draft', {
      invoicee: { customer: { type: 'company', id: company }, for_attention_of: { name: 'Finance' } },
      department_id: department,
      payment_term: { type: 'after_invoice_date', days: 30 },
      purchase_order_number: 'SPEC-PO-1',
      grouped_lines: [
        {
          section: { title: '' },
          line_items: [
            {
              quantity: 3,
              description: 'Croissant',
              unit_price: { amount: 1.5, tax: 'excluding' },
              tax_rate_id: rate,
              product_id: product,
            },
          ],
        },
      ],
    });
    await call('invoices.update', { id: invoice, note: 'Receipt 12' });
    await call('invoices.info', { id: invoice });
    await call('invoices.book', { id: invoice, on: '2026-03-05' });
    await call('invoices.registerPayment', {
      id: invoice,
      payment: { amount: 2, currency: 'EUR' },
      paid_at: '2026-03-05T10:00:00+00:00',
    });
    await call('invoices.info', { id: invoice });
    await call('invoices.removePayments', { id: invoice });
    const draft = await createdId('invoices.draft', {
      invoicee: { customer: { type: 'contact', id: contact } },
      department_id: department,
      payment_term: { type: 'cash' },
      grouped_lines: [
        {
          line_items: [
            {
              quantity: 1,
              description: 'Koffie',
              unit_price: { amount: 2.5, tax: 'excluding' },
              tax_rate_id: rate,
            },
          ],
        },
      ],
    });
    await call('invoices.delete', { id: draft });

    await call('webhooks.register', {
      url: 'https://example.com/hook',
      types: ['invoice.booked', 'contact.added'],
    });
    await call('webhooks.list');
    await call('webhooks.unregister', {
      url: 'https://example.com/hook',
      types: ['invoice.booked', 'contact.added'],
    });

    await call('quotations.delete', { id: quotation });
    await call('deals.delete', { id: lostDeal });
    await call('contacts.delete', { id: contact });
    await call('companies.delete', { id: company });
    await call('products.delete', { id: product });
  });

  it('exercised every operation the twin serves', () => {
    expect(TEAMLEADER_OPERATION_IDS.filter((op) => !exercised.has(op))).toEqual([]);
  });
});
