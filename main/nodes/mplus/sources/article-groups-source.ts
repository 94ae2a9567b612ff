import { toJsonObject } from '../../../../shared/domain/json';
import { mplusArticleGroupsSource } from '../../../../shared/nodes/mplus/sources';
import { defineExecutor, type SourceRecord } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { cursorObject, passesFilters, sourceRecord } from '../../steps/support/source-support';
import { groupToCategory } from '../convert/category';
import { syncLoop } from './sync-loop';

/** Article groups by syncMarker, flat with their parent; deleted groups are left out. */
export const mplusArticleGroupsSourceModule = defineExecutor(mplusArticleGroupsSource, {
  category: 'source',
  async *read(ctx) {
    const client = await mplusClient(ctx);
    const stored = cursorObject(ctx.cursor);
    const all = await ctx.retry(() => api(() => client.getArticleGroupChanges({}, { signal: ctx.signal })));
    const names = new Map(all.map((group) => [group.groupNumber, group.name]));
    yield* syncLoop(ctx, {
      start: typeof stored?.syncMarker === 'number' ? stored.syncMarker : 0,
      fetch: (syncMarker, syncMarkerLimit) =>
        client.getArticleGroupChanges({ syncMarker, syncMarkerLimit }, { signal: ctx.signal }),
      markers: (group) => (group.syncMarker === undefined ? [] : [group.syncMarker]),
      cursor: (next) => ({ syncMarker: next }),
      records: (groups, resume) => {
        const records: SourceRecord[] = [];
        for (const [index, group] of groups.entries()) {
          if (group.isDeleted) continue;
          const data = toJsonObject(groupToCategory(group, names));
          if (!passesFilters(ctx.config.filters, data)) continue;
          records.push(
            sourceRecord(
              { system: 'mplus', entity: 'articleGroup', id: String(group.groupNumber) },
              data,
              {},
              resume(index),
            ),
          );
        }
        return Promise.resolve(records);
      },
    });
  },
});
