import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { joinStreetLine, splitStreetLine } from '../../../shared/domain/address';
import type { Customer } from '../../../shared/domain/customer';
import { CustomersByEmail } from '../teamleader/customers-by-email';
import { LIST_AFTER_LOOKUPS } from '../teamleader/listed-lookup';
import { resolveTeamleaderCustomer } from '../teamleader/steps/resolve-customer';
import { TwinHarness } from './harness';
import {
  primaryEmail,
  type TlAddress,
  type TlCompany,
  type TlContact,
  type WireRelation,
} from './twin-records';

let h: TwinHarness;
beforeAll(async () => {
  h = await TwinHarness.start();
}, 120_000);
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

const fullName = (contact: TlContact) => [contact.first_name, contact.last_name].filter(Boolean).join(' ');
const billing = (addresses: readonly TlAddress[]) =>
  (addresses.find((a) => a.type === 'invoicing') ?? addresses.find((a) => a.type === 'primary'))?.address;

describe('template customers-teamleader-to-mplus', () => {
  it('makes each company (with its contact person) and each unlinked contact one relation, matched by e-mail', async () => {
    const companies = await h.teamleaderEntities<TlCompany>('companies');
    const contacts = await h.teamleaderEntities<TlContact>('contacts');
    const unlinked = contacts.filter((c) => c.companies.length === 0);
    const before = (await h.mplusEntities<WireRelation>('relations')).length;
    const callsBefore = (await h.stats('teamleader')).calls;
    const result = await h.run('customers-teamleader-to-mplus');
    const calls = (await h.stats('teamleader')).calls;
    const made = (operation: string) => (calls[operation] ?? 0) - (callsBefore[operation] ?? 0);
    expect(result.counts).toEqual({
      total: companies.length + unlinked.length,
      succeeded: companies.length + unlinked.length,
      skipped: 0,
      failed: 0,
    });
    const relations = await h.mplusEntities<WireRelation>('relations');
    expect(relations).toHaveLength(before + companies.length + unlinked.length);
    const byEmail = (email: string | undefined) => relations.filter((r) => r.email?.toLowerCase() === email);
    for (const company of companies) {
      const mine = byEmail(primaryEmail(company.emails));
      expect(mine, company.name).toHaveLength(1);
      const relation = mine[0];
      expect(relation?.companyName).toBe(company.name);
      expect(relation?.vatNumber).toBe(company.vat_number);
      const address = billing(company.addresses);
      expect(relation?.address).toBe(joinStreetLine(splitStreetLine(address?.line_1)));
      expect([relation?.zipcode, relation?.city, relation?.country]).toEqual([
        address?.postal_code,
        address?.city,
        address?.country,
      ]);
      const linked = contacts
        .filter((c) => c.companies.some((link) => link.company.id === company.id))
        .map(fullName);
      if (linked.length > 0) expect(linked).toContain(relation?.contact);
    }
    for (const contact of unlinked) {
      const mine = byEmail(primaryEmail(contact.emails));
      expect(mine, fullName(contact)).toHaveLength(1);
      expect(mine[0]?.name).toBe(fullName(contact));
      expect(mine[0]?.companyName).toBeUndefined();
    }
    expect(h.items(result.runId).every((item) => item.businessKeys.email?.includes('@'))).toBe(true);
    // Teamleader allows 200 calls a minute: a company costs its companies.info and one
    // contacts.list (its first contact, whose list entry has all a contact person needs); only an
    // unlinked contact is read in full (contacts.info, for its addresses).
    expect(made('companies.info')).toBe(companies.length);
    expect(made('contacts.info')).toBe(unlinked.length);
  });

  it('makes each relation once when two flows make the same relations together', async () => {
    // Each SOAP answer takes a while: one flow's look-up misses a relation the other is making
    // (without the lock of making-lock.ts this made relations twice here).
    await h.faults('mplus', { latencyMs: 20 });
    const before = await h.mplusEntities<WireRelation>('relations');
    const [first, second] = await Promise.all([
      h.run('customers-teamleader-to-mplus'),
      h.run('customers-teamleader-to-mplus', (flow) => {
        flow.id = 'customers-copy';
      }),
    ]);
    await h.faults('mplus', {});
    expect(first.counts.failed).toBe(0);
    expect(second.counts.failed).toBe(0);
    const relations = await h.mplusEntities<WireRelation>('relations');
    const emails = relations.slice(before.length).map((r) => r.email?.toLowerCase());
    expect(emails.length).toBe(first.counts.total);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('updates only the changed customer on the next run, and nothing after that', async () => {
    await h.run('customers-teamleader-to-mplus');
    const company = (await h.teamleaderEntities<TlCompany>('companies'))[0] as TlCompany;
    const address = billing(company.addresses);
    await h.teamleader.companies.update({
      id: company.id,
      addresses: [
        {
          type: 'invoicing',
          address: {
            line_1: 'Veldstraat 10',
            postal_code: '9000',
            city: 'Gent',
            country: address?.country ?? 'BE',
          },
        },
      ],
    });
    const second = await h.run('customers-teamleader-to-mplus');
    expect(second.counts).toEqual({ total: 1, succeeded: 1, skipped: 0, failed: 0 });
    expect(h.items(second.runId)[0]?.action).toBe('updated');
    const relation = (await h.mplusEntities<WireRelation>('relations')).find(
      (r) => r.email?.toLowerCase() === primaryEmail(company.emails),
    );
    expect(relation).toMatchObject({
      address: 'Veldstraat 10',
      zipcode: '9000',
      city: 'Gent',
      companyName: company.name,
    });
    expect((await h.run('customers-teamleader-to-mplus')).counts.total).toBe(0);
  });
});

describe('template customers-mplus-to-teamleader', () => {
  it('makes companies with their contact linked and persons contacts, matched by e-mail', async () => {
    const relations = await h.mplusEntities<WireRelation>('relations');
    const result = await h.run('customers-mplus-to-teamleader');
    expect(result.counts).toEqual({
      total: relations.length,
      succeeded: relations.length,
      skipped: 0,
      failed: 0,
    });
    const companies = await h.teamleaderEntities<TlCompany>('companies');
    const contacts = await h.teamleaderEntities<TlContact>('contacts');
    for (const relation of relations) {
      const email = relation.email?.toLowerCase();
      const street = splitStreetLine(relation.address);
      if (relation.companyName) {
        const mine = companies.filter((c) => primaryEmail(c.emails) === email);
        expect(mine, relation.companyName).toHaveLength(1);
        const company = mine[0] as TlCompany;
        expect(company.name).toBe(relation.companyName);
        expect(company.vat_number).toBe(relation.vatNumber ?? null);
        expect(billing(company.addresses)).toMatchObject({
          line_1: joinStreetLine(street),
          postal_code: relation.zipcode,
          city: relation.city,
          country: relation.country,
        });
        const linked = contacts.filter((c) => c.companies.some((link) => link.company.id === company.id));
        expect(linked.map(fullName)).toEqual([relation.contact]);
      } else {
        const mine = contacts.filter((c) => primaryEmail(c.emails) === email);
        expect(mine, relation.name).toHaveLength(1);
        expect(fullName(mine[0] as TlContact)).toBe(relation.name);
        expect(billing((mine[0] as TlContact).addresses)?.city).toBe(relation.city);
      }
    }
    // Each record keeps Teamleader's answers: a company's add, its contact person's add and link.
    const company = h
      .items(result.runId)
      .find((item) => item.targetIds?.companyId !== undefined && item.targetIds.contactId !== undefined);
    const answer = company && h.runStore().items.detail(company.id)?.response;
    const calls = (answer as { calls?: { operation: string; answer?: unknown }[] } | null)?.calls ?? [];
    expect(calls.map((call) => call.operation)).toEqual(
      expect.arrayContaining(['companies.add', 'contacts.add', 'contacts.linkToCompany']),
    );
    expect(calls.find((call) => call.operation === 'companies.add')?.answer).toEqual({
      data: { type: 'company', id: company?.targetIds?.companyId },
    });
  });

  it('looks the first customers up one by one, then reads the lists: a first sync of known customers', async () => {
    // The till's relations, and one for each Teamleader customer: those are found, not made again.
    await h.run('customers-teamleader-to-mplus');
    const relations = await h.mplusEntities<WireRelation>('relations');
    const callsBefore = (await h.stats('teamleader')).calls;
    const result = await h.run('customers-mplus-to-teamleader');
    const calls = (await h.stats('teamleader')).calls;
    const made = (operation: string) => (calls[operation] ?? 0) - (callsBefore[operation] ?? 0);
    expect(result.counts).toMatchObject({ total: relations.length, failed: 0 });
    const companies = await h.teamleaderEntities<TlCompany>('companies');
    const contacts = await h.teamleaderEntities<TlContact>('contacts');
    for (const relation of relations) {
      const email = relation.email?.toLowerCase();
      const mine = relation.companyName
        ? companies.filter((c) => primaryEmail(c.emails) === email)
        : contacts.filter((c) => primaryEmail(c.emails) === email);
      expect(mine, relation.companyName ?? relation.name).toHaveLength(1);
    }
    // Teamleader allows 200 calls a minute. A look-up by e-mail is one call for each of the first
    // 20 customers; then the list (100 a call) answers, and only a customer about to be made, or
    // a company's contact person, is asked on its own. It was one look-up or more per relation.
    const lookups = made('companies.list') + made('contacts.list');
    const makes = made('companies.add') + made('contacts.add');
    expect(makes).toBeGreaterThan(0);
    expect(lookups).toBeLessThan(relations.length);
  });

  it("uses a customer made by hand after the run read Teamleader's list, instead of making a second", async () => {
    // A new relation at the till: the source's last record. A run one record at a time whose
    // creates take a while, so a person can make the contact after the run read the list.
    const email = 'nora.nieuw@klant.example';
    await h.mplus.createRelation({ name: 'Nora Nieuw', email, country: 'NL' });
    await h.faults('teamleader', { operationLatencyMs: { 'contacts.add': 100 } });
    const before = (await h.stats('teamleader')).calls['contacts.list'] ?? 0;
    const running = h.run('customers-mplus-to-teamleader', (flow) => {
      flow.settings.concurrency = 1;
    });
    // The first look-ups one by one, then the list (one page) and the next record's ask.
    for (;;) {
      const lists = (await h.stats('teamleader')).calls['contacts.list'] ?? 0;
      if (lists - before >= LIST_AFTER_LOOKUPS + 2) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const byHand = await h.teamleader.contacts.add({
      first_name: 'Nora',
      last_name: 'Nieuw',
      emails: [{ type: 'primary', email }],
    });
    const result = await running;
    expect(result.counts.failed).toBe(0);
    const mine = (await h.teamleaderEntities<TlContact>('contacts')).filter(
      (c) => primaryEmail(c.emails) === email,
    );
    expect(mine.map((c) => c.id)).toEqual([byHand.id]);
    const nora = h.items(result.runId).find((item) => item.businessKeys.email === email);
    expect(nora).toMatchObject({ status: 'succeeded', targetIds: { contactId: byHand.id } });
  });

  it('updates a changed relation but keeps the create-only phone number', async () => {
    await h.run('customers-mplus-to-teamleader');
    const person = (await h.mplusEntities<WireRelation>('relations')).find(
      (r) => !r.companyName,
    ) as WireRelation;
    const contactBefore = (await h.teamleaderEntities<TlContact>('contacts')).find(
      (c) => primaryEmail(c.emails) === person.email?.toLowerCase(),
    );
    expect(contactBefore?.telephones.map((t) => t.number)).toContain(person.telephone);
    await h.mplus.updateRelation({
      relationNumber: person.relationNumber,
      telephone: '+31 6 0000 0000',
      city: 'Zwolle',
      zipcode: '8011 AA',
    });
    const callsBefore = (await h.stats('teamleader')).calls;
    const result = await h.run('customers-mplus-to-teamleader');
    expect(result.counts).toEqual({ total: 1, succeeded: 1, skipped: 0, failed: 0 });
    const calls = (await h.stats('teamleader')).calls;
    const made = (operation: string) => (calls[operation] ?? 0) - (callsBefore[operation] ?? 0);
    // Read once to compare, and the same read serves the update (it was read twice).
    expect(made('contacts.info')).toBe(1);
    expect(made('contacts.update')).toBe(1);
    const contact = (await h.teamleaderEntities<TlContact>('contacts')).find(
      (c) => c.id === contactBefore?.id,
    );
    expect(billing(contact?.addresses ?? [])).toMatchObject({ city: 'Zwolle', postal_code: '8011 AA' });
    expect(contact?.telephones).toEqual(contactBefore?.telephones);
    expect((await h.run('customers-mplus-to-teamleader')).counts.total).toBe(0);
  });

  it('makes each customer once when two flows make the same customers together', async () => {
    // Making a customer takes a while, as on a real account where calls wait for the rate limit:
    // one flow looks an e-mail up while the other's add of it is on its way (without the lock of
    // making-lock.ts this made companies and contacts twice here).
    await h.faults('teamleader', {
      rateLimitPerMinute: 100_000,
      operationLatencyMs: { 'companies.add': 200, 'contacts.add': 200 },
    });
    const [first, second] = await Promise.all([
      h.run('customers-mplus-to-teamleader'),
      // A copy of the flow: the same relations at the same time.
      h.run('customers-mplus-to-teamleader', (flow) => {
        flow.id = 'customers-copy';
      }),
    ]);
    expect(first.counts.failed).toBe(0);
    expect(second.counts.failed).toBe(0);
    const companies = await h.teamleaderEntities<TlCompany>('companies');
    const contacts = await h.teamleaderEntities<TlContact>('contacts');
    for (const relation of await h.mplusEntities<WireRelation>('relations')) {
      const email = relation.email?.toLowerCase();
      if (relation.companyName) {
        const mine = companies.filter((c) => primaryEmail(c.emails) === email);
        expect(mine, relation.companyName).toHaveLength(1);
        const linked = contacts.filter((c) => c.companies.some((link) => link.company.id === mine[0]?.id));
        expect(linked.map(fullName), relation.companyName).toEqual([relation.contact]);
      } else {
        expect(
          contacts.filter((c) => primaryEmail(c.emails) === email),
          relation.name,
        ).toHaveLength(1);
      }
    }
  });

  it("makes a customer once when two runs of the orders flow's customer step make it at once", async () => {
    await h.faults('teamleader', {
      rateLimitPerMinute: 100_000,
      operationLatencyMs: { 'companies.add': 200, 'contacts.add': 200 },
    });
    const email = 'inkoop@bakkerij-vos.nl';
    const customer: Customer = {
      kind: 'company',
      name: 'Bakkerij Vos',
      email,
      contactPerson: { firstName: 'Lies', lastName: 'Vos', email: 'lies@bakkerij-vos.nl' },
    };
    // Two step instances (two runs, e.g. the orders flow and a copy for another till), one customer.
    const io = () => ({ signal: new AbortController().signal, dryRun: false, whileMaking: h.whileMaking() });
    const [a, b] = await Promise.all([
      resolveTeamleaderCustomer(h.teamleader, customer, email, false, io()),
      resolveTeamleaderCustomer(h.teamleader, customer, email, false, io()),
    ]);
    expect(b).toEqual(a);
    const companies = (await h.teamleaderEntities<TlCompany>('companies')).filter(
      (c) => primaryEmail(c.emails) === email,
    );
    expect(companies).toHaveLength(1);
    const linked = (await h.teamleaderEntities<TlContact>('contacts')).filter((c) =>
      c.companies.some((link) => link.company.id === companies[0]?.id),
    );
    expect(linked.map(fullName)).toEqual(['Lies Vos']);
  });

  it("finds a customer made by hand after the orders flow's customer step read the list", async () => {
    const signal = new AbortController().signal;
    const customers = new CustomersByEmail(h.teamleader, signal);
    // Past the first look-ups: the run has read the list of contacts.
    const known = (await h.teamleaderEntities<TlContact>('contacts')).flatMap((c) => {
      const email = primaryEmail(c.emails);
      return email ? [email] : [];
    });
    expect(known.length).toBeGreaterThan(LIST_AFTER_LOOKUPS);
    for (const email of known.slice(0, LIST_AFTER_LOOKUPS + 1)) await customers.find('contact', email);
    const email = 'nieuw@klant.example';
    expect(await customers.find('contact', email)).toBeNull();
    // A person makes the contact in Teamleader; then the orders flow meets an order of theirs.
    const byHand = await h.teamleader.contacts.add({
      first_name: 'Nora',
      last_name: 'Nieuw',
      emails: [{ type: 'primary', email }],
    });
    const ref = await resolveTeamleaderCustomer(
      h.teamleader,
      { kind: 'person', name: 'Nora Nieuw', firstName: 'Nora', lastName: 'Nieuw', email },
      email,
      false,
      { signal, dryRun: false, whileMaking: h.whileMaking(), customers },
    );
    expect(ref).toMatchObject({ type: 'contact', id: byHand.id });
    const mine = (await h.teamleaderEntities<TlContact>('contacts')).filter(
      (c) => primaryEmail(c.emails) === email,
    );
    expect(mine).toHaveLength(1);
  });

  it('makes a company once when linking its contact person fails and is retried', async () => {
    const companiesOfRelations = (await h.mplusEntities<WireRelation>('relations')).filter(
      (r) => r.companyName,
    ).length;
    const before = (await h.teamleaderEntities<TlCompany>('companies')).length;
    // Every link answers 503 (nothing written): each record's attempt made its company first.
    await h.faults('teamleader', {
      errorRate: 1,
      statuses: [503],
      operations: ['contacts.linkToCompany'],
    });
    const failing = await h.run('customers-mplus-to-teamleader', (flow) => {
      flow.settings.retry = { attempts: 2, baseDelaySeconds: 0.01, maxDelaySeconds: 0.05 };
    });
    await h.faults('teamleader', {});
    expect(failing.counts.failed).toBe(companiesOfRelations);
    expect((await h.teamleaderEntities<TlCompany>('companies')).length).toBe(before + companiesOfRelations);
    // The next run finishes them: each company gets its contact person, none a second company.
    const next = await h.run('customers-mplus-to-teamleader');
    expect(next.counts.failed).toBe(0);
    const companies = await h.teamleaderEntities<TlCompany>('companies');
    expect(companies.length).toBe(before + companiesOfRelations);
    const contacts = await h.teamleaderEntities<TlContact>('contacts');
    for (const company of companies.slice(before))
      expect(contacts.filter((c) => c.companies.some((link) => link.company.id === company.id))).toHaveLength(
        1,
      );
  });
});
