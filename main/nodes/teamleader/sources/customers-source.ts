import { matchEmail } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';
import { isJsonObject, type JsonObject } from '../../../../shared/flow/json';
import { teamleaderCustomersSource } from '../../../../shared/nodes/teamleader/sources';
import { defineExecutor, type SourceRecord } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { passesFilters, sourceRecord } from '../../steps/support/source-support';
import { companyToCustomer, contactToCustomer } from '../convert/customer';
import { CustomerReader } from '../customer-reader';
import { slim, updatedSinceWindow, windowCursorOf } from './window';

/**
 * Companies (with their contact person) and then contacts, each by its own updated_since cursor
 * (stored together as `{companies, contacts}`). Contacts linked to a company are left to it unless
 * asked for.
 */
export const teamleaderCustomersSourceModule = defineExecutor(teamleaderCustomersSource, {
  category: 'source',
  async *read(ctx) {
    const client = await teamleaderClient(ctx);
    const { entities, contactsOfCompanies, filters, startFrom, pageSize } = ctx.config;
    const reader = new CustomerReader(client, ctx.signal);
    const options = { signal: ctx.signal };
    const stored: JsonObject = isJsonObject(ctx.cursor) ? { ...ctx.cursor } : {};
    /**
     * Contacts this run saw linked to a company it read: left to their company (unless asked
     * for) without reading each one (contacts.info) to learn that it is linked.
     */
    const linked = new Set<string>();
    const sorted = { sort: [{ field: 'updated_at' as const, order: 'asc' as const }] };
    for (const entity of entities) {
      const wrap = (cursor: { updatedSince: string; doneIds: string[] }) => {
        stored[entity] = cursor;
        return { ...stored };
      };
      yield* updatedSinceWindow(ctx, {
        cursor: windowCursorOf(stored[entity]),
        startFrom,
        pageSize,
        wrap,
        list:
          entity === 'companies'
            ? (since) =>
                slim(
                  client.companies.iterate(
                    { filter: since ? { updated_since: since } : {}, ...sorted },
                    options,
                  ),
                )
            : (since) =>
                slim(
                  client.contacts.iterate(
                    { filter: since ? { updated_since: since } : {}, ...sorted },
                    options,
                  ),
                ),
        records: async (items, checkpoint) => {
          const records: SourceRecord[] = [];
          for (const [index, item] of items.entries()) {
            const id = item.id ?? '';
            const customer = await ctx.retry(async () => {
              if (entity === 'companies') {
                const company = await api(() => client.companies.info({ id }, options));
                const contacts = await reader.linkedContacts(id);
                for (const contact of contacts) if (contact.id) linked.add(contact.id);
                return companyToCustomer(company, contacts[0] ?? null);
              }
              if (contactsOfCompanies === 'skip' && linked.has(id)) return null;
              const contact = await api(() => client.contacts.info({ id }, options));
              if (contactsOfCompanies === 'skip' && (contact.companies ?? []).length > 0) return null;
              return contactToCustomer(contact);
            });
            if (!customer) continue;
            const data = toJsonObject(customer);
            if (!passesFilters(filters, data)) continue;
            records.push(
              sourceRecord(
                { system: 'teamleader', entity: entity === 'companies' ? 'company' : 'contact', id },
                data,
                { email: matchEmail(customer.email) },
                checkpoint(index),
              ),
            );
          }
          return records;
        },
      });
    }
  },
});
