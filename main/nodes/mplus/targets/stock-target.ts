import { toJsonObject } from '../../../../shared/domain/json';
import { StockLevel } from '../../../../shared/domain/stock-level';
import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import { mplusStockTarget } from '../../../../shared/nodes/mplus/targets';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, type TargetIds } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { readRecord } from '../../steps/support/records';
import { articleNumberOf } from '../convert/sku';

/** setStock on the article whose number is the SKU; a missing article is skipped or fails. */
export const mplusStockTargetModule = defineExecutor(mplusStockTarget, {
  category: 'target',
  async open(ctx) {
    const client = await mplusClient(ctx);
    const { branchNumber, employeeNumber, skuPrefix, missingArticle } = ctx.config;
    const numberOf = (stock: StockLevel) => articleNumberOf(stock.sku, skuPrefix, { stockOf: stock.sku });
    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      reference: ({ record }) => String(numberOf(readRecord(StockLevel, record.data, 'Stock level'))),
      async findExisting({ reference }): Promise<TargetIds | null> {
        const products = await api(() =>
          client.getProductsByArticleNumbers([Number(reference)], { signal: ctx.signal }),
        );
        const found = products.some((p) =>
          (p.articleList?.article ?? []).some((a) => String(a.articleNumber) === reference),
        );
        return found ? { articleNumber: reference } : null;
      },
      async prepare(write) {
        const stock = readRecord(StockLevel, write.record.data, 'Stock level');
        const request = toJsonObject({
          operation: 'setStock',
          branchNumber,
          articleNumber: numberOf(stock),
          amount: stock.quantity,
        });
        if (write.mode === 'create') {
          if (missingArticle === 'skip')
            return {
              request,
              action: 'skip',
              skipReason: skipReason('mplusArticleMissing', {
                article: String(numberOf(stock)),
                sku: stock.sku,
              }),
            };
          throw permanentError(
            runMessage('mplusStockArticleMissing', { sku: stock.sku, article: numberOf(stock) }),
            {
              code: 'missing_product',
              field: 'sku',
              value: stock.sku,
            },
          );
        }
        const articleNumber = numberOf(stock);
        const levels = await api(() =>
          client.getStock(
            { branchNumber, articleNumbers: { articleNumbers: [articleNumber] } },
            { signal: ctx.signal },
          ),
        );
        if (
          levels.some((level) => level.articleNumber === articleNumber && level.amountFree === stock.quantity)
        ) {
          return {
            request,
            action: 'skip',
            skipReason: skipReason('mplusStockUnchanged', {
              article: String(articleNumber),
              quantity: stock.quantity,
            }),
          };
        }
        return { request, action: 'update' };
      },
      async send(_prepared, write) {
        const stock = readRecord(StockLevel, write.record.data, 'Stock level');
        const articleNumber = numberOf(stock);
        const outcome = await api(() =>
          client.setStock(
            { branchNumber, articleNumber, amount: stock.quantity, employeeNumber },
            { signal: ctx.signal },
          ),
        );
        if (outcome.kind !== 'ok') {
          throw permanentError(runMessage('mplusRefusedStock', { sku: stock.sku, detail: outcome.message }), {
            code: 'mplus_rejected',
          });
        }
        return { targetIds: { articleNumber: String(articleNumber) }, response: toJsonObject(outcome) };
      },
    };
  },
});
