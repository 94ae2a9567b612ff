import { Customer, matchEmail } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';
import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import { teamleaderCustomerTarget } from '../../../../shared/nodes/teamleader/targets';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, type TargetIds, type TargetWrite } from '../../../engine/executor';
import type { Company, Contact } from '../../../connectors/teamleader/schemas';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { makingKey } from '../../../engine/making-lock';
import { readPayload, readRecord } from '../../steps/support/records';
import { changesSomething, companyBody, contactBody } from '../convert/customer';
import { CustomersByEmail } from '../customers-by-email';
import {
  ensureContactPerson,
  findCustomer,
  findCustomerBeforeMaking,
  linkedContactId,
  writeCompany,
  writeContact,
} from '../customer-upsert';
import type { CallJournal } from '../../../connectors/teamleader';
import { answerOf } from './call-answers';

function emailOf(customer: Customer): string {
  const email = matchEmail(customer.email);
  if (!email) {
    throw permanentError(runMessage('teamleaderCustomerNoEmail', { name: customer.name }), {
      code: 'no_email',
      field: 'email',
    });
  }
  return email;
}

/** Company (with its contact person linked) or contact upsert, matched by e-mail. */
export const teamleaderCustomerTargetModule = defineExecutor(teamleaderCustomerTarget, {
  category: 'target',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    const io = { signal: ctx.signal, dryRun: false, customers: new CustomersByEmail(client, ctx.signal) };
    const kindOf = (customer: Customer) => (customer.kind === 'company' ? 'company' : 'contact');
    // A write that changes nothing would still move updated_at, and a flow the other way would
    // read the customer back: only real changes are sent.
    const upToDate = (kind: string, id: string) => ({
      request: toJsonObject({ operation: `${kind === 'company' ? 'companies' : 'contacts'}.update`, id }),
      action: 'skip' as const,
      skipReason: skipReason('teamleaderCustomerUpToDate', {
        kind: kind === 'company' ? 'company' : 'contact',
        id,
      }),
    });
    // The company or contact each update's `prepare` read, for its `send` (one read, not two).
    const readCompanies = new WeakMap<TargetWrite, Company>();
    const readContacts = new WeakMap<TargetWrite, Contact>();
    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      // A company, then its contact person's link: found half-done, it is finished.
      writesInSteps: true,
      reference: ({ record }) => emailOf(readRecord(Customer, record.data, 'Customer')),
      async findExisting({ reference, record }): Promise<TargetIds | null> {
        const kind = kindOf(readRecord(Customer, record.data, 'Customer'));
        const id = await findCustomer(client, kind, reference, io);
        return id ? { [`${kind}Id`]: id } : null;
      },
      async prepare(write) {
        const customer = readRecord(Customer, write.record.data, 'Customer');
        const payload = {
          ...readPayload(Customer.partial(), write.payload, 'Customer'),
          email: emailOf(customer),
        };
        const companyId = write.existing?.companyId;
        const contactId = write.existing?.contactId;
        if (customer.kind === 'company') {
          const current = companyId
            ? await api(() => client.companies.info({ id: companyId }, { signal: ctx.signal }))
            : null;
          if (current) readCompanies.set(write, current);
          const body = companyBody(payload, current);
          if (
            companyId &&
            current &&
            !changesSomething(body, current) &&
            (!customer.contactPerson ||
              (await linkedContactId(client, companyId, customer.contactPerson, io)))
          ) {
            return upToDate('company', companyId);
          }
          return {
            request: toJsonObject({
              operation: current ? 'companies.update' : 'companies.add',
              company: companyBody(payload, current),
              ...(customer.contactPerson ? { contactPerson: customer.contactPerson } : {}),
            }),
            action: write.mode,
          };
        }
        const current = contactId
          ? await api(() => client.contacts.info({ id: contactId }, { signal: ctx.signal }))
          : null;
        if (current) readContacts.set(write, current);
        if (contactId && current && !changesSomething(contactBody(payload, current), current)) {
          return upToDate('contact', contactId);
        }
        return {
          request: toJsonObject({
            operation: current ? 'contacts.update' : 'contacts.add',
            contact: contactBody(payload, current),
          }),
          action: write.mode,
        };
      },
      async send(_prepared, write) {
        const customer = readRecord(Customer, write.record.data, 'Customer');
        const payload = {
          ...readPayload(Customer.partial(), write.payload, 'Customer'),
          email: emailOf(customer),
        };
        // The orders flow makes customers too, and may run at once: see making-lock.ts.
        const kind = kindOf(customer);
        // The run's look-ups, with this write's calls kept as Teamleader's answer.
        const writing = { ...io, journal: [] as CallJournal };
        return ctx.whileMaking(
          client,
          makingKey.customer(kind, payload.email),
          async (madeMeanwhile, made) => {
            const known = kind === 'company' ? write.existing?.companyId : write.existing?.contactId;
            // Not known: the look-up before this write may have been the run's list's, read up
            // to a minute ago; another flow or a person may have made it since.
            const meanwhile =
              known || madeMeanwhile
                ? madeMeanwhile
                : await findCustomerBeforeMaking(client, kind, payload.email, io);
            if (!known && meanwhile)
              ctx.log.info(
                runMessage('teamleaderCustomerMadeMeanwhile', { what: kind, email: payload.email }),
              );
            const existing = known ?? meanwhile ?? null;
            if (existing === null) io.customers.forget(kind, payload.email);
            // What prepare read serves the first attempt only (and only for the record it read:
            // the write functions compare ids); a retry, maybe much later, reads it again.
            const readCompany = readCompanies.get(write);
            const readContact = readContacts.get(write);
            readCompanies.delete(write);
            readContacts.delete(write);
            if (kind === 'contact') {
              const contactId = await writeContact(client, payload, existing, writing, readContact);
              if (existing === null) made(contactId);
              return { targetIds: { contactId }, response: answerOf(writing) };
            }
            const companyId = await writeCompany(client, payload, existing, writing, readCompany);
            if (existing === null) made(companyId);
            const contactId = customer.contactPerson
              ? await ensureContactPerson(
                  client,
                  companyId,
                  customer.contactPerson,
                  writing,
                  existing === null,
                )
              : undefined;
            return {
              targetIds: { companyId, ...(contactId ? { contactId } : {}) },
              response: answerOf(writing),
            };
          },
        );
      },
    };
  },
});
