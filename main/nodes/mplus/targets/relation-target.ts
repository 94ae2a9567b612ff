import { Customer, matchEmail } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';
import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import { mplusRelationTarget } from '../../../../shared/nodes/mplus/targets';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, type TargetIds } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { makingKey } from '../../../engine/making-lock';
import { readPayload, readRecord } from '../../steps/support/records';
import { changedRelationFields, customerToRelation } from '../convert/customer';

/** The e-mail a customer is matched by; a customer without one cannot be matched and fails. */
function emailOf(customer: Customer): string {
  const email = matchEmail(customer.email);
  if (!email) {
    throw permanentError(runMessage('mplusCustomerWithoutEmail', { customer: customer.name }), {
      code: 'no_email',
      field: 'email',
    });
  }
  return email;
}

/** Relation upsert: matched by e-mail (exact), created or updated with the fields the payload has. */
export const mplusRelationTargetModule = defineExecutor(mplusRelationTarget, {
  category: 'target',
  async open(ctx) {
    const client = await mplusClient(ctx);
    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      reference: ({ record }) => emailOf(readRecord(Customer, record.data, 'Customer')),
      async findExisting({ reference }): Promise<TargetIds | null> {
        const found = await api(() =>
          client.findRelationV2({ relation: { email: reference }, exactMatch: true }, { signal: ctx.signal }),
        );
        return found?.relationNumber === undefined ? null : { relationNumber: String(found.relationNumber) };
      },
      async prepare(write) {
        const customer = readRecord(Customer, write.record.data, 'Customer');
        const relation = customerToRelation(readPayload(Customer.partial(), write.payload, 'Customer'));
        if (write.mode === 'create') {
          return {
            request: toJsonObject({
              operation: 'createRelation',
              relation: { ...relation, email: emailOf(customer) },
            }),
            action: 'create',
          };
        }
        const relationNumber = Number(write.existing?.relationNumber);
        // A write that changes nothing would still bump the relation's syncMarker, and a flow the
        // other way would read it back: only real changes are sent.
        const current = await api(() => client.getRelation(relationNumber, { signal: ctx.signal }));
        if (current && Object.keys(changedRelationFields(current, relation)).length === 0) {
          return {
            request: toJsonObject({ operation: 'updateRelation', relationNumber }),
            action: 'skip',
            skipReason: skipReason('mplusRelationUpToDate', { relation: String(relationNumber) }),
          };
        }
        return {
          request: toJsonObject({ operation: 'updateRelation', relation: { relationNumber, ...relation } }),
          action: 'update',
        };
      },
      async send(_prepared, write) {
        const customer = readRecord(Customer, write.record.data, 'Customer');
        const relation = customerToRelation(readPayload(Customer.partial(), write.payload, 'Customer'));
        const email = emailOf(customer);
        // The orders flow makes relations too, and may run at once: see making-lock.ts.
        return ctx.whileMaking(client, makingKey.relation(email), async (madeMeanwhile, made) => {
          if (write.mode === 'create' && madeMeanwhile === undefined) {
            const outcome = await api(() =>
              client.createRelation({ ...relation, email }, { signal: ctx.signal }),
            );
            if (outcome.kind !== 'created') {
              throw permanentError(
                runMessage('mplusRefusedCustomerRelation', {
                  customer: customer.name,
                  detail: outcome.message,
                }),
                {
                  code: 'mplus_rejected',
                },
              );
            }
            made(String(outcome.relationNumber));
            return {
              targetIds: { relationNumber: String(outcome.relationNumber) },
              response: toJsonObject(outcome),
            };
          }
          if (write.mode === 'create')
            ctx.log.info(
              runMessage('mplusRelationMadeMeanwhile', { email, relation: Number(madeMeanwhile) }),
            );
          const relationNumber = Number(
            write.mode === 'create' ? madeMeanwhile : write.existing?.relationNumber,
          );
          const outcome = await api(() =>
            client.updateRelation({ relationNumber, ...relation }, { signal: ctx.signal }),
          );
          if (outcome.kind !== 'updated') {
            throw permanentError(
              runMessage('mplusRefusedCustomerUpdate', {
                customer: customer.name,
                relation: relationNumber,
                detail: outcome.message,
              }),
              {
                code: 'mplus_rejected',
              },
            );
          }
          return { targetIds: { relationNumber: String(relationNumber) }, response: toJsonObject(outcome) };
        });
      },
    };
  },
});
