import { isJsonObject, type JsonObject } from '../../../shared/flow/json';
import type { BusinessKeys } from '../../../shared/flow/run-records';
import { memorySource, memoryTarget } from '../../../shared/nodes/testing/memory-nodes';
import { permanentError } from '../../engine/errors';
import {
  defineExecutor,
  lookUpOnce,
  type SourceRecord,
  type TargetLookup,
  type WriteResult,
} from '../../engine/executor';

/** The field the memory target stores Koppel's reference in (like Teamleader's purchase_order_number). */
export const REFERENCE_FIELD = 'koppelReference';

function businessKeysOf(data: JsonObject): BusinessKeys {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const orderNumber = text(data.orderNumber);
  const email = text(data.email);
  const sku = text(data.sku);
  return { ...(orderNumber ? { orderNumber } : {}), ...(email ? { email } : {}), ...(sku ? { sku } : {}) };
}

/** Reads the test system incrementally: the cursor is the last syncMarker done. */
export const memorySourceModule = defineExecutor(memorySource, {
  category: 'source',
  async *read(ctx) {
    const system = await ctx.connection('memory');
    const { entity, pageSize, startFrom } = ctx.config;
    let after =
      isJsonObject(ctx.cursor) && typeof ctx.cursor.syncMarker === 'number' ? ctx.cursor.syncMarker : 0;
    const since = ctx.cursor === null && startFrom ? startFrom : undefined;
    const size = ctx.limit === null ? pageSize : Math.min(pageSize, ctx.limit);
    for (;;) {
      const entries = await ctx.retry(() => system.read(entity, after, size));
      const last = entries.at(-1);
      if (!last) return;
      const records: SourceRecord[] = entries
        .filter((entry) => since === undefined || entry.updatedAt.slice(0, 10) >= since)
        .map((entry) => ({
          key: { system: 'memory', entity, id: entry.id },
          data: entry.data,
          businessKeys: businessKeysOf(entry.data),
          checkpoint: { syncMarker: entry.syncMarker },
        }));
      yield { records, checkpoint: { syncMarker: last.syncMarker } };
      after = last.syncMarker;
    }
  },
});

/**
 * Writes to the test system with an idempotency key (the system replays a known key; no look-up)
 * or with its own reference and a look-up by it, as configured.
 */
export const memoryTargetModule = defineExecutor(memoryTarget, {
  category: 'target',
  async open(ctx) {
    const system = await ctx.connection('memory');
    const { entity, idempotency, lookupBeforeCreate } = ctx.config;
    // Like the Teamleader targets: a look-up that found nothing is noted on the record and
    // trusted until the engine sends something for it.
    const findExisting = ({ reference, item }: TargetLookup) =>
      lookUpOnce(item, `memory:${entity}:${reference}`, async () => {
        const found = await system.find(entity, REFERENCE_FIELD, reference);
        return found ? { id: found.id } : null;
      });
    return {
      idempotency,
      lookupBeforeCreate,
      ...(idempotency === 'reference' ? { findExisting } : {}),
      prepare: (write) => ({ request: { ...write.payload, [REFERENCE_FIELD]: write.reference } }),
      async send(prepared, write): Promise<WriteResult> {
        if (!isJsonObject(prepared.request)) throw permanentError('The prepared request is not an object.');
        if (write.mode === 'update' && write.existing?.id) {
          const entry = await system.update(entity, write.existing.id, prepared.request);
          return { targetIds: { id: entry.id }, response: { id: entry.id, updated: true } };
        }
        const { entry, replayed } = await system.create(
          entity,
          prepared.request,
          idempotency === 'key' ? write.idempotencyKey : undefined,
        );
        return { targetIds: { id: entry.id }, response: { id: entry.id, replayed } };
      },
    };
  },
});
