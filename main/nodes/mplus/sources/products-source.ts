import type { Product as MplusProduct } from '../../../connectors/mplus/generated/model-types';
import { toJsonObject } from '../../../../shared/domain/json';
import { mplusProductsSource } from '../../../../shared/nodes/mplus/sources';
import { defineExecutor, type SourceRecord } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { cursorObject, passesFilters, sourceRecord } from '../../steps/support/source-support';
import { articleToProduct } from '../convert/product';
import { syncLoop } from './sync-loop';

/**
 * Articles by syncMarker (the limit counts articles), one record per article. A product's cursor is
 * stored with its last article, so a product is never half done after a crash.
 */
export const mplusProductsSourceModule = defineExecutor(mplusProductsSource, {
  category: 'source',
  async *read(ctx) {
    const client = await mplusClient(ctx);
    const { startFrom, filters, onlyActive, stockBranch } = ctx.config;
    const stored = cursorObject(ctx.cursor);
    const groups = await ctx.retry(() =>
      api(() => client.getArticleGroupChanges({}, { signal: ctx.signal })),
    );
    const groupNames = new Map(groups.map((group) => [group.groupNumber, group.name]));
    yield* syncLoop<MplusProduct>(ctx, {
      start: typeof stored?.syncMarker === 'number' ? stored.syncMarker : 0,
      fetch: (syncMarker, syncMarkerLimit) =>
        client.getProducts(
          { syncMarker, syncMarkerLimit, ...(onlyActive ? { onlyActive } : {}) },
          { signal: ctx.signal },
        ),
      markers: (product) => {
        const markers = (product.articleList?.article ?? []).flatMap((a) =>
          a.syncMarker === undefined ? [] : [a.syncMarker],
        );
        return markers.length > 0 ? markers : product.syncMarker === undefined ? [] : [product.syncMarker];
      },
      cursor: (next) => ({ syncMarker: next }),
      records: async (products, resume) => {
        const articleNumbers = products.flatMap((p) =>
          (p.articleList?.article ?? []).map((a) => a.articleNumber ?? 0),
        );
        const stock = new Map<number, number>();
        if (stockBranch !== undefined && articleNumbers.length > 0) {
          const levels = await ctx.retry(() =>
            api(() =>
              client.getStock(
                { branchNumber: stockBranch, articleNumbers: { articleNumbers } },
                { signal: ctx.signal },
              ),
            ),
          );
          for (const level of levels) stock.set(level.articleNumber, level.amountFree);
        }
        const records: SourceRecord[] = [];
        for (const [index, product] of products.entries()) {
          const articles = product.articleList?.article ?? [];
          for (const [position, article] of articles.entries()) {
            const changed = article.changeTimestamp ?? article.createTimestamp;
            if (startFrom && changed && changed.slice(0, 10) < startFrom) continue;
            const number = article.articleNumber ?? 0;
            const canonical = articleToProduct(product, article, groupNames, stock.get(number));
            const data = toJsonObject(canonical);
            if (!passesFilters(filters, data)) continue;
            records.push(
              sourceRecord(
                { system: 'mplus', entity: 'article', id: String(number) },
                data,
                { sku: canonical.sku },
                position === articles.length - 1 ? resume(index) : undefined,
              ),
            );
          }
        }
        return records;
      },
    });
  },
});
