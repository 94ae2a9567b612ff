import { toJsonObject } from '../../../../shared/domain/json';
import { teamleaderProductsSource } from '../../../../shared/nodes/teamleader/sources';
import { defineExecutor, type SourceRecord } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { passesFilters, sourceRecord } from '../../steps/support/source-support';
import { productToCanonical } from '../convert/product';
import { TEAMLEADER_REFERENCE } from '../reference';
import { slim, updatedSinceWindow, windowCursorOf } from './window';

/** Products changed since the last run; products.list has no prices, so each is read with products.info. */
export const teamleaderProductsSourceModule = defineExecutor(teamleaderProductsSource, {
  category: 'source',
  async *read(ctx) {
    const client = await teamleaderClient(ctx);
    const { filters, startFrom, pageSize, eanField } = ctx.config;
    const reference = ctx.perRun(TEAMLEADER_REFERENCE, client);
    const options = { signal: ctx.signal };
    const fields = await ctx.retry(() => reference.customFields());
    const fieldLabels = new Map(
      fields.flatMap((f) => (f.id && f.label && f.context === 'product' ? [[f.id, f.label] as const] : [])),
    );
    yield* updatedSinceWindow(ctx, {
      cursor: windowCursorOf(ctx.cursor),
      startFrom,
      pageSize,
      wrap: (cursor) => cursor,
      list: (since) =>
        slim(client.products.iterate({ filter: since ? { updated_since: since } : {} }, options)),
      records: async (items, checkpoint) => {
        const records: SourceRecord[] = [];
        for (const [index, item] of items.entries()) {
          const id = item.id ?? '';
          const product = await ctx.retry(async () => {
            const info = await api(() => client.products.info({ id }, options));
            return productToCanonical(info, {
              taxPercent: await reference.taxPercent(info.tax?.id),
              categoryName: await reference.categoryName(info.product_category?.id),
              fieldLabels,
              eanLabel: eanField,
            });
          });
          const data = toJsonObject(product);
          if (!passesFilters(filters, data)) continue;
          records.push(
            sourceRecord(
              { system: 'teamleader', entity: 'product', id },
              data,
              { sku: product.sku },
              checkpoint(index),
            ),
          );
        }
        return records;
      },
    });
  },
});
