import { matchEmail } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';
import { mplusRelationsSource } from '../../../../shared/nodes/mplus/sources';
import { defineExecutor, type SourceRecord } from '../../../engine/executor';
import { mplusClient } from '../../steps/support/clients';
import { cursorObject, passesFilters, sourceRecord } from '../../steps/support/source-support';
import { relationToCustomer } from '../convert/customer';
import { syncLoop } from './sync-loop';

/** Relations by syncMarker; `startFrom` keeps only relations changed on or after that day. */
export const mplusRelationsSourceModule = defineExecutor(mplusRelationsSource, {
  category: 'source',
  async *read(ctx) {
    const client = await mplusClient(ctx);
    const { startFrom, filters } = ctx.config;
    const stored = cursorObject(ctx.cursor);
    yield* syncLoop(ctx, {
      start: typeof stored?.syncMarker === 'number' ? stored.syncMarker : 0,
      fetch: (syncMarker, syncMarkerLimit) =>
        client.getRelations({ syncMarker, syncMarkerLimit }, { signal: ctx.signal }),
      markers: (relation) => (relation.syncMarker === undefined ? [] : [relation.syncMarker]),
      cursor: (next) => ({ syncMarker: next }),
      records: (relations, resume) => {
        const records: SourceRecord[] = [];
        for (const [index, relation] of relations.entries()) {
          const changed = relation.changeTimestamp ?? relation.createTimestamp;
          if (startFrom && changed && changed.slice(0, 10) < startFrom) continue;
          const customer = relationToCustomer(relation);
          const data = toJsonObject(customer);
          if (!passesFilters(filters, data)) continue;
          records.push(
            sourceRecord(
              { system: 'mplus', entity: 'relation', id: String(relation.relationNumber ?? '') },
              data,
              { email: matchEmail(customer.email) },
              resume(index),
            ),
          );
        }
        return Promise.resolve(records);
      },
    });
  },
});
