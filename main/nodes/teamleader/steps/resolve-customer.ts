import { matchEmail, type Customer } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';
import { SalesOrder, type CustomerRef } from '../../../../shared/domain/sales-order';
import { runMessage } from '../../../../shared/flow/run-messages';
import { teamleaderResolveCustomer } from '../../../../shared/nodes/teamleader/steps';
import type { TeamleaderClient } from '../../../connectors/teamleader/client';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, emit, type NodeContext } from '../../../engine/executor';
import { makingKey } from '../../../engine/making-lock';
import { OncePerKey } from '../../steps/support/once-per-key';
import { CustomersByEmail } from '../customers-by-email';
import { teamleaderClient } from '../../steps/support/clients';
import { readRecord } from '../../steps/support/records';
import {
  ensureContactPerson,
  findCustomerBeforeMaking,
  WOULD_CREATE,
  writeCompany,
  writeContact,
} from '../customer-upsert';

interface Io {
  signal: AbortSignal;
  dryRun: boolean;
  /** The run's customers by e-mail (the list after 20 look-ups). */
  customers?: CustomersByEmail;
  /** The run's making lock (see making-lock.ts). */
  whileMaking: NodeContext<unknown>['whileMaking'];
}

/**
 * Finds the customer by e-mail and creates or updates it: a company (the kind the source says)
 * with its contact person linked, else a contact. Returns the reference the invoice will carry.
 */
export async function resolveTeamleaderCustomer(
  client: TeamleaderClient,
  customer: Customer,
  email: string,
  update: boolean,
  io: Io,
): Promise<CustomerRef> {
  const payload: Customer = { ...customer, email };
  const kind = customer.kind === 'company' ? 'company' : 'contact';
  // The customers flow makes them too, and may run at once: see making-lock.ts.
  return io.whileMaking(client, makingKey.customer(kind, email), async (madeMeanwhile, made) => {
    const found = madeMeanwhile ?? (await findCustomerBeforeMaking(client, kind, email, io));
    if (found === null) io.customers?.forget(kind, email);
    const write = kind === 'company' ? writeCompany : writeContact;
    const id = found && !update ? found : await write(client, payload, found, io);
    if (found === null && id !== WOULD_CREATE) made(id);
    if (kind === 'contact') return { system: 'teamleader', type: 'contact', id };
    const contactId = customer.contactPerson
      ? await ensureContactPerson(client, id, customer.contactPerson, io, found === null)
      : undefined;
    return { system: 'teamleader', type: 'company', id, ...(contactId ? { contactId } : {}) };
  });
}

/** Match by e-mail; company with linked contact, else a contact; create or update; else the default debtor. */
export const teamleaderResolveCustomerModule = defineExecutor(teamleaderResolveCustomer, {
  category: 'transform',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    const { defaultDebtor, updateExisting } = ctx.config;
    const once = new OncePerKey<CustomerRef>();
    const io = {
      signal: ctx.signal,
      dryRun: ctx.dryRun,
      whileMaking: ctx.whileMaking,
      customers: new CustomersByEmail(client, ctx.signal),
    };
    return {
      async process(record) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const email = matchEmail(order.customer?.email);
        let ref: CustomerRef;
        if (order.customer && email) {
          const customer = order.customer;
          ref = await once.run(`${customer.kind}:${email}`, () =>
            resolveTeamleaderCustomer(client, customer, email, updateExisting, io),
          );
        } else if (defaultDebtor.enabled) {
          const debtorEmail = defaultDebtor.email.toLowerCase();
          const debtor: Customer = {
            kind: 'person',
            name: defaultDebtor.name,
            lastName: defaultDebtor.name,
            email: debtorEmail,
          };
          ref = {
            ...(await once.run(`debtor:${debtorEmail}`, () =>
              resolveTeamleaderCustomer(client, debtor, debtorEmail, false, io),
            )),
            defaultDebtor: true,
          };
        } else {
          throw permanentError(
            runMessage('teamleaderCustomerUnmatched', {
              kind: order.kind,
              number: order.number,
              customer: order.customer?.name,
            }),
            { code: 'no_customer', field: 'customer.email' },
          );
        }
        return emit({ ...record, data: { ...record.data, customerRef: toJsonObject(ref) } });
      },
    };
  },
});
