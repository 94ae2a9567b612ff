import { Category } from '../../../../shared/domain/category';
import { toJsonObject } from '../../../../shared/domain/json';
import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import { mplusArticleGroupTarget } from '../../../../shared/nodes/mplus/targets';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, type TargetIds } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { readPayload, readRecord } from '../../steps/support/records';
import { sameValues } from '../../steps/support/same-values';

/** Article group upsert, matched by name (case-insensitive); renames follow the ledger. */
export const mplusArticleGroupTargetModule = defineExecutor(mplusArticleGroupTarget, {
  category: 'target',
  async open(ctx) {
    const client = await mplusClient(ctx);
    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      reference: ({ record }) => readRecord(Category, record.data, 'Category').name.trim().toLowerCase(),
      async findExisting({ reference }): Promise<TargetIds | null> {
        const groups = await api(() => client.getArticleGroupChanges({}, { signal: ctx.signal }));
        const group = groups.find((g) => !g.isDeleted && g.name.trim().toLowerCase() === reference);
        return group ? { groupNumber: String(group.groupNumber) } : null;
      },
      async prepare(write) {
        const payload = readPayload(Category.partial(), write.payload, 'Category');
        if (write.mode === 'update') {
          const groupNumber = Number(write.existing?.groupNumber);
          const groups = await api(() => client.getArticleGroupChanges({}, { signal: ctx.signal }));
          const current = groups.find((g) => g.groupNumber === groupNumber && !g.isDeleted);
          if (current && sameValues({ name: payload.name, text: payload.description }, current)) {
            return {
              request: toJsonObject({ operation: 'updateArticleGroup', groupNumber }),
              action: 'skip',
              skipReason: skipReason('mplusArticleGroupUpToDate', { group: String(groupNumber) }),
            };
          }
        }
        return write.mode === 'create'
          ? {
              request: toJsonObject({
                operation: 'newArticleGroup',
                parentGroupNumber: ctx.config.parentGroupNumber,
                name: payload.name,
                text: payload.description ?? '',
              }),
              action: 'create',
            }
          : {
              request: toJsonObject({
                operation: 'updateArticleGroup',
                groupNumber: Number(write.existing?.groupNumber),
                name: payload.name,
                text: payload.description,
              }),
              action: 'update',
            };
      },
      async send(_prepared, write) {
        const category = readRecord(Category, write.record.data, 'Category');
        const payload = readPayload(Category.partial(), write.payload, 'Category');
        if (write.mode === 'create') {
          const outcome = await api(() =>
            client.newArticleGroup(
              {
                parentGroupNumber: ctx.config.parentGroupNumber,
                name: category.name,
                text: category.description ?? '',
              },
              { signal: ctx.signal },
            ),
          );
          if (outcome.kind !== 'created') {
            throw permanentError(
              runMessage('mplusRefusedArticleGroup', { category: category.name, detail: outcome.message }),
              {
                code: 'mplus_rejected',
              },
            );
          }
          return { targetIds: { groupNumber: String(outcome.groupNumber) }, response: toJsonObject(outcome) };
        }
        const groupNumber = Number(write.existing?.groupNumber);
        const outcome = await api(() =>
          client.updateArticleGroup(
            {
              groupNumber,
              ...(payload.name === undefined ? {} : { name: payload.name }),
              ...(payload.description === undefined ? {} : { text: payload.description }),
            },
            { signal: ctx.signal },
          ),
        );
        if (outcome.kind !== 'updated') {
          throw permanentError(
            runMessage('mplusRefusedArticleGroupChange', {
              category: category.name,
              group: groupNumber,
              detail: outcome.message,
            }),
            {
              code: 'mplus_rejected',
            },
          );
        }
        return { targetIds: { groupNumber: String(groupNumber) }, response: toJsonObject(outcome) };
      },
    };
  },
});
