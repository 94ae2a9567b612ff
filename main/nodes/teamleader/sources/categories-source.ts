import type { Category } from '../../../../shared/domain/category';
import { toJsonObject } from '../../../../shared/domain/json';
import { isJsonObject } from '../../../../shared/flow/json';
import { teamleaderCategoriesSource } from '../../../../shared/nodes/teamleader/sources';
import { defineExecutor, type SourceRecord } from '../../../engine/executor';
import { teamleaderClient } from '../../steps/support/clients';
import { passesFilters, sourceRecord } from '../../steps/support/source-support';
import { TEAMLEADER_REFERENCE } from '../reference';

const PAGE = 100;

/**
 * Product categories have no change date in the API: each run reads the list in id order and goes
 * on after the last id the previous run finished (`amountPerRun` splits a long list over runs);
 * after the end it starts over, and the target's ledger skips what did not change.
 */
export const teamleaderCategoriesSourceModule = defineExecutor(teamleaderCategoriesSource, {
  category: 'source',
  async *read(ctx) {
    const client = await teamleaderClient(ctx);
    const reference = ctx.perRun(TEAMLEADER_REFERENCE, client);
    const after =
      isJsonObject(ctx.cursor) && typeof ctx.cursor.afterId === 'string' ? ctx.cursor.afterId : '';
    const all = await ctx.retry(() => reference.categories());
    const sorted = all
      .filter((c): c is typeof c & { id: string; name: string } => Boolean(c.id && c.name))
      .sort((a, b) => a.id.localeCompare(b.id))
      .filter((c) => c.id > after);
    for (let offset = 0; offset < sorted.length; offset += PAGE) {
      const page = sorted.slice(offset, offset + PAGE);
      const records: SourceRecord[] = [];
      for (const [index, item] of page.entries()) {
        const ledger = item.ledgers?.[0]?.ledger_account_number;
        const category: Category = {
          source: { system: 'teamleader', entity: 'productCategory', id: item.id },
          id: item.id,
          name: item.name,
          ...(ledger ? { description: `Ledger ${ledger}` } : {}),
          raw: toJsonObject(item),
        };
        const data = toJsonObject(category);
        if (!passesFilters(ctx.config.filters, data)) continue;
        const last = offset + index === sorted.length - 1;
        records.push(
          sourceRecord(
            { system: 'teamleader', entity: 'productCategory', id: item.id },
            data,
            {},
            last ? { afterId: null } : { afterId: item.id },
          ),
        );
      }
      const end = offset + PAGE >= sorted.length;
      yield { records, checkpoint: end ? { afterId: null } : { afterId: page[page.length - 1]?.id ?? null } };
    }
  },
});
