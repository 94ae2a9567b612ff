import { matchEmail, type Customer } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';
import { SalesOrder, type CustomerRef } from '../../../../shared/domain/sales-order';
import { runMessage } from '../../../../shared/flow/run-messages';
import { mplusResolveCustomer } from '../../../../shared/nodes/mplus/steps';
import type { MplusClient } from '../../../connectors/mplus/client';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, emit, type NodeContext } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { makingKey } from '../../../engine/making-lock';
import { OncePerKey } from '../../steps/support/once-per-key';
import { readRecord } from '../../steps/support/records';
import { changedRelationFields, customerToRelation } from '../convert/customer';

export interface RelationUpsert {
  relationNumber: number;
  action: 'found' | 'updated' | 'created' | 'wouldCreate';
}

/**
 * Finds a relation by e-mail (exact, case-insensitive) and creates or updates it: the shared core
 * of "Resolve MplusKASSA customer" and the relation target. Writes nothing in a dry run.
 */
export async function upsertRelation(
  client: MplusClient,
  ctx: NodeContext<unknown>,
  customer: Customer,
  email: string,
  update: boolean,
): Promise<RelationUpsert> {
  // The customers flow makes relations too, and may run at once: see making-lock.ts.
  return ctx.whileMaking(client, makingKey.relation(email), async (madeMeanwhile, made) => {
    const upserted = await findAndWrite(client, ctx, customer, email, update, madeMeanwhile);
    if (upserted.action === 'created') made(String(upserted.relationNumber));
    return upserted;
  });
}

async function findAndWrite(
  client: MplusClient,
  ctx: NodeContext<unknown>,
  customer: Customer,
  email: string,
  update: boolean,
  madeMeanwhile: string | undefined,
): Promise<RelationUpsert> {
  const found =
    madeMeanwhile === undefined
      ? await api(() =>
          client.findRelationV2({ relation: { email }, exactMatch: true }, { signal: ctx.signal }),
        )
      : await api(() => client.getRelation(Number(madeMeanwhile), { signal: ctx.signal }));
  const wanted = customerToRelation(customer);
  if (found?.relationNumber !== undefined) {
    const changes = update ? changedRelationFields(found, wanted) : {};
    if (Object.keys(changes).length === 0 || ctx.dryRun)
      return { relationNumber: found.relationNumber, action: 'found' };
    const outcome = await api(() =>
      client.updateRelation({ relationNumber: found.relationNumber, ...changes }, { signal: ctx.signal }),
    );
    if (outcome.kind !== 'updated') {
      throw permanentError(
        runMessage('mplusRefusedRelationUpdate', { relation: found.relationNumber, detail: outcome.message }),
        {
          code: 'mplus_rejected',
        },
      );
    }
    return { relationNumber: found.relationNumber, action: 'updated' };
  }
  if (ctx.dryRun) return { relationNumber: 0, action: 'wouldCreate' };
  const outcome = await api(() => client.createRelation({ ...wanted, email }, { signal: ctx.signal }));
  if (outcome.kind !== 'created') {
    throw permanentError(runMessage('mplusRefusedRelationCreate', { email, detail: outcome.message }), {
      code: 'mplus_rejected',
    });
  }
  return { relationNumber: outcome.relationNumber, action: 'created' };
}

/** Match by e-mail; create or update; company relations keep their contact; else the default debtor. */
export const mplusResolveCustomerModule = defineExecutor(mplusResolveCustomer, {
  category: 'transform',
  async open(ctx) {
    const client = await mplusClient(ctx);
    const { defaultDebtor, updateExisting } = ctx.config;
    const once = new OncePerKey<RelationUpsert>();
    return {
      async process(record) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const email = matchEmail(order.customer?.email);
        let ref: CustomerRef;
        if (order.customer && email) {
          const customer = order.customer;
          const result = await once.run(email, () =>
            upsertRelation(client, ctx, customer, email, updateExisting),
          );
          ref = { system: 'mplus', type: 'relation', id: String(result.relationNumber) };
        } else if (defaultDebtor.enabled) {
          const debtorEmail = defaultDebtor.email.toLowerCase();
          const debtor: Customer = {
            kind: 'person',
            name: defaultDebtor.name,
            lastName: defaultDebtor.name,
            email: debtorEmail,
          };
          const result = await once.run(debtorEmail, () =>
            upsertRelation(client, ctx, debtor, debtorEmail, false),
          );
          ref = { system: 'mplus', type: 'relation', id: String(result.relationNumber), defaultDebtor: true };
        } else {
          throw permanentError(
            runMessage('mplusNoRelationToMatch', {
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
