import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamleaderClient } from '../client';
import { connectTwinClient, twinAdmin, twinTokens } from './testing';
import { startTeamleaderTwin, type TeamleaderTwin } from './twin';

let twin: TeamleaderTwin;
let client: TeamleaderClient;
let token: string;

beforeAll(async () => {
  twin = await startTeamleaderTwin({ seed: 21, rateLimitPerMinute: 100_000 });
  ({ client } = await connectTwinClient(twin));
  token = (await twinTokens(twin)).access_token;
});
afterAll(async () => {
  await twin.close();
});

/** A raw call, to send bodies the generated types would not allow. */
async function raw(op: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${twin.apiUrl}/${op}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

describe('contacts', () => {
  it('finds a contact by primary e-mail, case-insensitively', async () => {
    const id = (
      await client.contacts.add({
        last_name: 'Maes',
        emails: [{ type: 'primary', email: 'Lien.Maes@Example.be' }],
      })
    ).id;
    const found = await client.contacts.list({
      filter: { email: { type: 'primary', email: 'lien.maes@example.be' } },
    });
    expect(found.map((c) => c.id)).toEqual([id]);
  });

  it('replaces collections wholesale on update and bumps updated_at', async () => {
    const id = (
      await client.contacts.add({
        last_name: 'Claes',
        emails: [{ type: 'primary', email: 'a@example.be' }],
        telephones: [
          { type: 'mobile', number: '0470 11 11 11' },
          { type: 'phone', number: '09 111 11 11' },
        ],
        tags: ['pos', 'vip'],
      })
    ).id;
    const before = await client.contacts.info({ id });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await client.contacts.update({
      id,
      telephones: [{ type: 'fax', number: '09 222 22 22' }],
      tags: ['new'],
    });
    const after = await client.contacts.info({ id });
    expect(after.telephones).toEqual([{ type: 'fax', number: '09 222 22 22' }]);
    expect(after.tags).toEqual(['new']);
    expect(after.emails).toEqual(before.emails);
    expect(after.updated_at).toMatch(DATETIME);
    expect(Date.parse(after.updated_at ?? '')).toBeGreaterThan(Date.parse(before.updated_at ?? ''));
    expect(after.added_at).toBe(before.added_at);
  });

  it('returns only records changed since updated_since (inclusive, to the second)', async () => {
    const since = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
    const seeded = (await client.contacts.list({ page: { size: 1 } }))[0]?.id ?? '';
    await client.contacts.tag({ id: seeded, tags: ['touched'] });
    const changed = await client.contacts.list({ filter: { updated_since: since }, page: { size: 100 } });
    expect(changed.map((c) => c.id)).toContain(seeded);
    expect(changed.every((c) => Date.parse(c.updated_at ?? '') >= Date.parse(since))).toBe(true);
    const all = await twinAdmin(twin, '/entities/contacts');
    expect(changed.length).toBeLessThan(Array.isArray(all) ? all.length : 0);
  });

  it('links a contact to a company, visible from both sides', async () => {
    const company = (await client.companies.add({ name: 'Koffiebar Wouters BV' })).id;
    const contact = (await client.contacts.add({ first_name: 'Koen', last_name: 'Wouters' })).id;
    await client.contacts.linkToCompany({
      id: contact,
      company_id: company,
      position: 'Zaakvoerder',
      decision_maker: true,
    });
    expect((await client.contacts.list({ filter: { company_id: company } })).map((c) => c.id)).toEqual([
      contact,
    ]);
    const info = await client.companies.info({ id: company, includes: 'related_contacts' });
    expect(info.related_contacts).toEqual([
      expect.objectContaining({ id: contact, position: 'Zaakvoerder', is_decision_maker: true }),
    ]);
    const missing = await raw('contacts.linkToCompany', {
      id: contact,
      company_id: '00000000-0000-4000-8000-000000000001',
    });
    expect(missing).toMatchObject({ status: 400, json: { errors: [{ meta: { field: 'company_id' } }] } });
  });

  it('ignores unknown keys, as the API does', async () => {
    const answer = await raw('contacts.add', {
      last_name: 'Jacobs',
      include: 'custom_fields',
      colour: 'blue',
    });
    expect(answer.status).toBe(201);
  });

  it('refuses a body the spec does not allow, naming the field', async () => {
    const missing = await raw('contacts.add', { first_name: 'Zonder achternaam' });
    expect(missing).toMatchObject({
      status: 400,
      json: { errors: [{ title: 'last_name is required', meta: { field: 'last_name' } }] },
    });
    const wrongType = await raw('contacts.add', {
      last_name: 'X',
      telephones: [{ type: 'pager', number: '1' }],
    });
    expect(wrongType).toMatchObject({
      status: 400,
      json: { errors: [{ meta: { field: 'telephones.0.type' } }] },
    });
    const bigPage = await raw('contacts.list', { page: { size: 500 } });
    expect(bigPage).toMatchObject({ status: 400, json: { errors: [{ meta: { field: 'page.size' } }] } });
  });

  it('replaces custom fields wholesale on update, or only those sent with the partial strategy', async () => {
    const definitions = await client.customFieldDefinitions.list();
    const field = definitions.find((d) => d.context === 'contact')?.id ?? '';
    const id = (
      await client.contacts.add({ last_name: 'Peeters', custom_fields: [{ id: field, value: 'K-1' }] })
    ).id;
    const values = async () =>
      ((await client.contacts.info({ id })).custom_fields ?? []).map((f) => [f.definition?.id, f.value]);
    expect(await values()).toEqual([[field, 'K-1']]);
    // Partial: a list without the field leaves it; a new value changes it.
    const partial = (fields: unknown[]) =>
      raw('contacts.update', { id, custom_fields: fields, custom_fields_update_strategy: 'partial' });
    expect((await partial([])).status).toBe(204);
    expect(await values()).toEqual([[field, 'K-1']]);
    expect((await partial([{ id: field, value: 'K-2' }])).status).toBe(204);
    expect(await values()).toEqual([[field, 'K-2']]);
    // Without it, the list sent is the whole list (reference §2.6): an empty one deletes the field.
    expect((await raw('contacts.update', { id, custom_fields: [] })).status).toBe(204);
    expect(await values()).toEqual([]);
  });

  it('clears a field the spec marks nullable when it is sent as null (reference §7.1), and no other', async () => {
    const id = (await client.contacts.add({ last_name: 'Wouters', gender: 'female' })).id;
    // gender is a nullable enum that does not list null; Ajv read the spec literally and refused it.
    expect((await raw('contacts.update', { id, gender: null })).status).toBe(204);
    expect((await client.contacts.info({ id })).gender).toBeNull();
    const product = (
      await client.products.add({ name: 'Speculaas', selling_price: { amount: 3.1, currency: 'EUR' } })
    ).id;
    // selling_price is a nullable reference (Money).
    expect((await raw('products.update', { id: product, selling_price: null })).status).toBe(204);
    expect((await client.products.info({ id: product })).selling_price).toBeNull();
    // A field the spec does not mark nullable still refuses null.
    expect(await raw('contacts.update', { id, last_name: null })).toMatchObject({
      status: 400,
      json: { errors: [{ meta: { field: 'last_name' } }] },
    });
  });
});

describe('companies', () => {
  it('finds a company by VAT number written any way', async () => {
    const id = (await client.companies.add({ name: 'Bakkerij Peeters BV', vat_number: 'BE0899623999' })).id;
    const found = await client.companies.list({ filter: { vat_number: 'BE 0899.623.999' } });
    expect(found.map((c) => c.id)).toEqual([id]);
  });

  it('finds a company by its primary e-mail only, not by an invoicing one', async () => {
    const id = (
      await client.companies.add({
        name: 'Slagerij Wouters',
        emails: [
          { type: 'primary', email: 'winkel@wouters.be' },
          { type: 'invoicing', email: 'facturen@wouters.be' },
        ],
      })
    ).id;
    const byEmail = async (email: string) =>
      (await client.companies.list({ filter: { email: { type: 'primary', email } } })).map((c) => c.id);
    expect(await byEmail('Winkel@Wouters.be')).toEqual([id]);
    expect(await byEmail('facturen@wouters.be')).toEqual([]);
  });

  it('accepts only phone and fax telephones on companies', async () => {
    const answer = await raw('companies.add', {
      name: 'Mobiel BV',
      telephones: [{ type: 'mobile', number: '0470' }],
    });
    expect(answer).toMatchObject({
      status: 400,
      json: { errors: [{ meta: { field: 'telephones.0.type' } }] },
    });
  });
});

describe('products', () => {
  it('finds products by code (SKU) with the term filter; the list carries no prices, info does', async () => {
    const department = (await client.departments.list())[0]?.id ?? '';
    const rate = (await client.taxRates.list({ filter: { department_id: department } })).find(
      (r) => r.rate === 0.06,
    );
    const id = (
      await client.products.add({
        name: 'Boterkoek',
        code: 'SKU-TEST-77',
        selling_price: { amount: 2.4, currency: 'EUR' },
        tax_rate_id: rate?.id ?? '',
        department_id: department,
        stock: { amount: 5 },
      })
    ).id;
    const found = await client.products.list({ filter: { term: 'sku-test-77' } });
    expect(found.map((p) => p.id)).toEqual([id]);
    expect(found[0]).not.toHaveProperty('selling_price');
    const info = await client.products.info({ id });
    expect(info.selling_price).toEqual({ amount: 2.4, currency: 'EUR' });
    expect(info.tax).toEqual({ type: 'taxRate', id: rate?.id });
    await client.products.update({ id, stock: { amount: 3 } });
    expect((await client.products.info({ id })).stock).toEqual({ amount: 3 });
  });

  it('refuses a negative stock threshold minimum ("cannot be negative"), on add and on update', async () => {
    const threshold = (minimum: number) => ({ stock_threshold: { minimum, action: 'notify' as const } });
    const refused = await raw('products.add', { name: 'Eclair', configuration: threshold(-1) });
    expect(refused).toMatchObject({
      status: 400,
      json: { errors: [{ meta: { field: 'configuration.stock_threshold.minimum' } }] },
    });
    const { id } = await client.products.add({ name: 'Eclair', configuration: threshold(0) });
    expect((await raw('products.update', { id, configuration: threshold(-4) })).status).toBe(400);
    expect((await client.products.info({ id })).configuration).toEqual(threshold(0));
  });

  it('needs a name or a code', async () => {
    const answer = await raw('products.add', { description: 'Naamloos' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.json)).toMatch(/"field":"(name|code)"/);
  });

  it('refuses a tax rate of another department', async () => {
    const [first, second] = await client.departments.list();
    const foreign = (await client.taxRates.list({ filter: { department_id: second?.id ?? '' } }))[0];
    const answer = await raw('products.add', {
      name: 'Fout',
      department_id: first?.id,
      tax_rate_id: foreign?.id,
    });
    expect(answer).toMatchObject({ status: 400, json: { errors: [{ meta: { field: 'tax_rate_id' } }] } });
  });
});

describe('lookups', () => {
  it('has Belgian tax rates of 21, 12, 6 and 0 % in every department', async () => {
    for (const department of await client.departments.list()) {
      const rates = await client.taxRates.list({
        filter: { department_id: department.id ?? '' },
        sort: [{ field: 'rate', order: 'desc' }],
      });
      expect(rates.map((r) => [r.rate, r.description])).toEqual([
        [0.21, '21%'],
        [0.12, '12%'],
        [0.06, '6%'],
        [0, '0%'],
      ]);
    }
  });

  it('answers 404 with a title for an unknown id', async () => {
    const answer = await raw('departments.info', { id: '00000000-0000-4000-8000-000000000000' });
    expect(answer).toMatchObject({
      status: 404,
      json: { errors: [{ title: expect.stringContaining('not found'), status: 404 }] },
    });
  });
});
