import { toJsonObject } from '../../../../shared/domain/json';
import type { StockLevel } from '../../../../shared/domain/stock-level';
import { mplusStockSource } from '../../../../shared/nodes/mplus/sources';
import { defineExecutor, type SourceRecord } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { cursorObject, passesFilters, sourceRecord } from '../../steps/support/source-support';
import { ArticleSkus } from '../article-skus';

const PAGE = 100;

/**
 * Free stock of one branch changed since the stored stockId (getStock has no page limit, so the
 * answer is handed on in pages of 100 with a cursor per record).
 */
export const mplusStockSourceModule = defineExecutor(mplusStockSource, {
  category: 'source',
  async *read(ctx) {
    const client = await mplusClient(ctx);
    const { branchNumber, startFrom, filters } = ctx.config;
    const stored = cursorObject(ctx.cursor);
    const since =
      stored?.branchNumber === branchNumber && typeof stored.stockId === 'number'
        ? stored.stockId
        : undefined;
    const levels = await ctx.retry(() =>
      api(() =>
        client.getStock(
          { branchNumber, articleNumbers: {}, ...(since === undefined ? {} : { stockId: since }) },
          { signal: ctx.signal },
        ),
      ),
    );
    const sorted = [...levels].sort((a, b) => a.stockId - b.stockId);
    const skus = new ArticleSkus(client, ctx.signal);
    for (let offset = 0; offset < sorted.length; offset += PAGE) {
      const page = sorted.slice(offset, offset + PAGE);
      const records: SourceRecord[] = [];
      await ctx.retry(() => skus.load(page.map((level) => level.articleNumber)));
      for (const level of page) {
        const cursor = { branchNumber, stockId: level.stockId + 1 };
        if (
          startFrom &&
          since === undefined &&
          level.changeTimestamp &&
          level.changeTimestamp.slice(0, 10) < startFrom
        ) {
          continue;
        }
        const stock: StockLevel = {
          source: { system: 'mplus', entity: 'stock', id: `${branchNumber}:${level.articleNumber}` },
          sku: skus.skuOf(level.articleNumber),
          quantity: level.amountFree,
          branch: String(branchNumber),
          raw: toJsonObject(level),
        };
        const data = toJsonObject(stock);
        if (!passesFilters(filters, data)) continue;
        records.push(
          sourceRecord(
            { system: 'mplus', entity: 'stock', id: stock.source.id },
            data,
            { sku: stock.sku },
            cursor,
          ),
        );
      }
      const last = page[page.length - 1];
      yield { records, ...(last ? { checkpoint: { branchNumber, stockId: last.stockId + 1 } } : {}) };
    }
  },
});
