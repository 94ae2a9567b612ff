import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type { CompanyListItem, ContactListItem } from '../../connectors/teamleader/schemas';
import { connectTwinClient, twinCalls } from '../../connectors/teamleader/simulator/testing';
import { startTeamleaderTwin, type TeamleaderTwin } from '../../connectors/teamleader/simulator/twin';
import { CustomersByEmail } from './customers-by-email';
import { ASKED_MISS_TRUSTED_MS, LIST_AFTER_LOOKUPS, LIST_TRUSTED_MS } from './listed-lookup';

let twin: TeamleaderTwin;
let client: TeamleaderClient;
let contacts: ContactListItem[];
let companies: CompanyListItem[];

beforeAll(async () => {
  // Medium: more contacts than one page of the list, so a read of it costs several calls.
  twin = await startTeamleaderTwin({ seed: 7, size: 'medium', rateLimitPerMinute: 100_000 });
  ({ client } = await connectTwinClient(twin));
  contacts = [];
  for await (const contact of client.contacts.iterate({})) contacts.push(contact);
  companies = [];
  for await (const company of client.companies.iterate({})) companies.push(company);
});
afterAll(async () => {
  await twin.close();
});

const primary = (entry: ContactListItem | CompanyListItem) =>
  entry.emails?.find((e) => e.type === 'primary')?.email?.toLowerCase();
const withEmail = <T extends ContactListItem | CompanyListItem>(entries: T[]) =>
  entries.flatMap((entry) => {
    const email = primary(entry);
    return email && entry.id ? [{ email, id: entry.id }] : [];
  });
const contactLists = () => twinCalls(twin, 'contacts.list');
const companyLists = () => twinCalls(twin, 'companies.list');

describe('CustomersByEmail', () => {
  it('looks the first addresses up one by one, then reads the whole list once and answers from it', async () => {
    const people = withEmail(contacts);
    expect(people.length).toBeGreaterThan(LIST_AFTER_LOOKUPS + 100);
    const index = new CustomersByEmail(client, new AbortController().signal);
    const before = await contactLists();
    for (const { email, id } of people.slice(0, LIST_AFTER_LOOKUPS))
      expect(await index.find('contact', email)).toBe(id);
    expect((await contactLists()) - before).toBe(LIST_AFTER_LOOKUPS);
    const rest = people.slice(LIST_AFTER_LOOKUPS);
    const found = await Promise.all(rest.map(({ email }) => index.find('contact', email)));
    expect(found).toEqual(rest.map(({ id }) => id));
    // Pages of 100 until a short one (a full last page is followed by an empty one).
    const pages = Math.floor(contacts.length / 100) + 1;
    expect(pages).toBeGreaterThan(1);
    expect((await contactLists()) - before).toBe(LIST_AFTER_LOOKUPS + pages);
    // Companies are a list of their own; an address in capitals is the same address.
    const firms = withEmail(companies);
    const companiesBefore = await companyLists();
    expect(await index.find('company', firms[0]?.email ?? '')).toBe(firms[0]?.id);
    expect(await index.find('contact', firms[0]?.email ?? '')).toBeNull();
    expect((await companyLists()) - companiesBefore).toBe(1);
  });

  it('takes an address the young list lacks for missing, but asks Teamleader before a customer is made', async () => {
    let clock = 2_000_000;
    const index = new CustomersByEmail(client, new AbortController().signal, () => clock);
    for (const { email } of withEmail(contacts).slice(0, LIST_AFTER_LOOKUPS + 1))
      await index.find('contact', email);
    const made = await client.contacts.add({
      last_name: 'Na de lijst',
      emails: [{ type: 'primary', email: 'na.de.lijst@example.be' }],
    });
    const before = await contactLists();
    expect(await index.find('contact', 'na.de.lijst@example.be')).toBeNull();
    expect((await contactLists()) - before).toBe(0);
    // About to make it: the list's "none" is not enough.
    expect(await index.findBeforeMaking('contact', 'na.de.lijst@example.be')).toBe(made.id);
    expect((await contactLists()) - before).toBe(1);
    // Found so, it is known: no more calls for it.
    expect(await index.find('contact', 'na.de.lijst@example.be')).toBe(made.id);
    expect((await contactLists()) - before).toBe(1);
    clock += LIST_TRUSTED_MS;
    expect(await index.find('contact', 'nergens@example.be')).toBeNull();
    expect((await contactLists()) - before).toBe(2);
  });

  it('lets Teamleader\'s own "none" stand for a moment before a customer is made, then asks again', async () => {
    let clock = 3_000_000;
    const index = new CustomersByEmail(client, new AbortController().signal, () => clock);
    const before = await contactLists();
    // The look-up before the write, then the write: one call, as without the list.
    expect(await index.find('contact', 'later@example.be')).toBeNull();
    expect(await index.findBeforeMaking('contact', 'later@example.be')).toBeNull();
    expect((await contactLists()) - before).toBe(1);
    const made = await client.contacts.add({
      last_name: 'Later',
      emails: [{ type: 'primary', email: 'later@example.be' }],
    });
    clock += ASKED_MISS_TRUSTED_MS;
    expect(await index.findBeforeMaking('contact', 'later@example.be')).toBe(made.id);
    expect((await contactLists()) - before).toBe(2);
    // A customer this run made is asked about each time.
    expect(await index.find('contact', 'eigen@example.be')).toBeNull();
    index.forget('contact', 'eigen@example.be');
    expect(await index.findBeforeMaking('contact', 'eigen@example.be')).toBeNull();
    expect((await contactLists()) - before).toBe(4);
  });
});
