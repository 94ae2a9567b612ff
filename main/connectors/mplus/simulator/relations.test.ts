import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMplusClient, type MplusClient } from '../client';
import { startMplusTwin, type MplusTwin } from './twin';

/** Relations, employees and reference data, client ↔ twin (answers checked against the XSD). */

let twin: MplusTwin;
let client: MplusClient;

beforeAll(async () => {
  twin = await startMplusTwin({ seed: 3, validateResponses: true });
  client = createMplusClient({ url: twin.url, ident: twin.ident, secret: twin.secret, maxRetries: 0 });
});

afterAll(async () => {
  await twin.close();
});

describe('relations', () => {
  it('creates, reads, finds and updates a relation; each change takes a new syncMarker', async () => {
    const created = await client.createRelation({
      name: 'Joost van Dijk',
      email: 'Joost.van.Dijk@Example.com',
      city: 'Utrecht',
      country: 'NL',
      birthDate: '1985-06-15',
      invoiceCredit: 12.5,
    });
    if (created.kind !== 'created') throw new Error(`not created: ${JSON.stringify(created)}`);
    const relation = await client.getRelation(created.relationNumber);
    expect(relation).toMatchObject({
      name: 'Joost van Dijk',
      birthDate: '1985-06-15',
      invoiceCredit: 12.5,
      // The total of invoiceCredit and accountBalance, in cents (reference §3.2).
      balance: 1250,
      active: true,
    });
    expect(relation?.createTimestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

    expect((await client.findRelation({ email: 'joost.van.dijk@example' }))?.relationNumber).toBe(
      created.relationNumber,
    );
    expect(
      await client.findRelationV2({ relation: { email: 'joost.van.dijk@example' }, exactMatch: true }),
    ).toBeNull();
    expect(
      (await client.findRelationV2({ relation: { email: 'joost.van.dijk@example.com' }, exactMatch: true }))
        ?.name,
    ).toBe('Joost van Dijk');

    const updated = await client.updateRelation({
      relationNumber: created.relationNumber,
      telephone: '+31 6 1111 2222',
      accountBalance: -2.75,
      // A total, not a value of its own: what is sent for it is not kept.
      balance: 5,
    });
    expect(updated).toMatchObject({ kind: 'updated', syncMarker: (created.syncMarker ?? 0) + 1 });
    expect(await client.getRelation(created.relationNumber)).toMatchObject({
      telephone: '+31 6 1111 2222',
      city: 'Utrecht',
      invoiceCredit: 12.5,
      accountBalance: -2.75,
      balance: 975,
    });
  });

  it('answers taken numbers, unknown relations, nameless relations and too long codes in-band', async () => {
    const [first] = await client.getRelations({ syncMarker: 0, syncMarkerLimit: 1 });
    const number = first?.relationNumber ?? 0;
    expect((await client.createRelation({ relationNumber: number, name: 'Dubbel' })).kind).toBe(
      'relation_number_taken',
    );
    expect(await client.createRelation({ email: 'nobody@example.com' })).toEqual({
      kind: 'rejected',
      message: 'a relation needs a name or companyName',
    });
    expect((await client.updateRelation({ relationNumber: 1, name: 'x' })).kind).toBe('not_found');
    // A relation code holds at most 128 characters (reference §3.2); 128 is kept, 129 refused.
    const longest = 'R'.repeat(128);
    const coded = await client.createRelation({
      name: 'Code lang',
      email: 'code@example.com',
      country: 'NL',
      relationCode: longest,
    });
    if (coded.kind !== 'created') throw new Error(`not created: ${JSON.stringify(coded)}`);
    expect((await client.getRelation(coded.relationNumber))?.relationCode).toBe(longest);
    const tooLong = 'relationCode is 129 characters long; at most 128 are allowed';
    expect(await client.createRelation({ name: 'Code te lang', relationCode: `${longest}9` })).toEqual({
      kind: 'rejected',
      message: tooLong,
    });
    expect(
      await client.updateRelation({ relationNumber: coded.relationNumber, relationCode: `${longest}9` }),
    ).toEqual({ kind: 'rejected', message: tooLong });
    expect((await client.getRelation(coded.relationNumber))?.relationCode).toBe(longest);
    expect(await client.getRelation(1)).toBeNull();
    expect(await client.findRelation({ email: 'no-such-address' })).toBeNull();
  });

  it('seeds persons and companies in NL, BE and DE, all with e-mail', async () => {
    const relations = await client.getRelations();
    expect(new Set(relations.map((r) => r.country))).toEqual(new Set(['NL', 'BE', 'DE']));
    expect(relations.some((r) => r.companyName && r.vatNumber)).toBe(true);
    expect(relations.some((r) => !r.companyName)).toBe(true);
    expect(relations.every((r) => /@/.test(r.email ?? ''))).toBe(true);
    // No credit or account balance yet: every balance is there, and nothing.
    expect(relations.filter((r) => r.balance !== 0)).toEqual([
      expect.objectContaining({ name: 'Joost van Dijk', balance: 975 }),
    ]);
  });

  it('pages relations by syncMarker and resumes from a stored cursor', async () => {
    const pages = [];
    for await (const page of client.iterateRelations({ limit: 10 })) pages.push(page);
    const total = pages.reduce((n, p) => n + p.records.length, 0);
    expect(total).toBe((await client.getRelations()).length);
    const cursor = pages[0]?.records[4]?.resumeSyncMarker ?? 0;
    const resumed = await client.iterateRelations({ syncMarker: cursor, limit: 1000 }).next();
    expect(resumed.value?.records[0]?.syncMarker).toBe(cursor);
  });
});

describe('employees and reference data', () => {
  it('has the API user 999999, VAT 9/21/0 %, and cash, pin, iDEAL and on-account payments', async () => {
    const employees = await client.getEmployees();
    expect(employees.find((e) => e.employeeNumber === 999999)?.name).toBe('API gebruiker');
    expect((await client.getEmployees({ employeeNumbers: [999999] })).map((e) => e.employeeNumber)).toEqual([
      999999,
    ]);
    const page = await client.getEmployees({ syncMarker: 2, syncMarkerLimit: 2 });
    expect(page.map((e) => e.syncMarker)).toEqual([2, 3]);

    const vat = await client.getVatGroupList();
    expect(new Set(vat.map((v) => `${v.vatCode}:${v.vatPercentage}`))).toEqual(
      new Set(['1:9', '2:21', '3:0']),
    );
    const methods = (await client.getPaymentMethods()).map((m) => m.method);
    expect(methods).toEqual(['CONTANT', 'PIN', 'IDEAL', 'OP-REKENING']);
    const branches = await client.getBranches();
    expect(branches.length).toBeGreaterThanOrEqual(2);
    expect(branches[0]?.workplaces?.workplace?.length).toBeGreaterThan(0);
    expect((await client.getTurnoverGroups()).map((g) => g.turnoverGroup)).toEqual([1, 2, 3, 4]);
    expect((await client.getDeliveryMethods()).map((d) => d.deliveryMethod)).toContain('POSTNL');
    expect((await client.getOrderCategories()).length).toBe(3);
    const version = await client.getApiVersion();
    expect(version).toMatchObject({ majorNumber: 1, serviceMajorNumber: 67, inDebugMode: false });
  });
});
