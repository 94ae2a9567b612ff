import { toJsonObject } from '../../../../shared/domain/json';
import { StockLevel } from '../../../../shared/domain/stock-level';
import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import { teamleaderStockTarget } from '../../../../shared/nodes/teamleader/targets';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, type TargetIds } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { readRecord } from '../../steps/support/records';
import { nonNegativeStock } from '../convert/product';
import { ProductsByCode } from '../products-by-code';
import { answerOf, writeCalls } from './call-answers';

/** Sets the stock of the product whose code is the SKU; a missing product is skipped or fails. */
export const teamleaderStockTargetModule = defineExecutor(teamleaderStockTarget, {
  category: 'target',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    const products = new ProductsByCode(client, ctx.signal);
    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      reference: ({ record }) => readRecord(StockLevel, record.data, 'Stock level').sku,
      async findExisting({ reference }): Promise<TargetIds | null> {
        const id = (await products.find(reference))?.id;
        return id ? { productId: id } : null;
      },
      async prepare(write) {
        const stock = readRecord(StockLevel, write.record.data, 'Stock level');
        const request = toJsonObject({
          operation: 'products.update',
          id: write.existing?.productId ?? null,
          stock: { amount: Math.max(0, stock.quantity) },
        });
        if (write.mode === 'create') {
          if (ctx.config.missingProduct === 'skip')
            return {
              request,
              action: 'skip',
              skipReason: skipReason('teamleaderProductMissing', { sku: stock.sku }),
            };
          throw permanentError(runMessage('teamleaderStockProductMissing', { sku: stock.sku }), {
            code: 'missing_product',
            field: 'sku',
            value: stock.sku,
          });
        }
        const productId = write.existing?.productId ?? '';
        // The product's list entry has its stock: no products.info per record.
        const listed = await products.find(stock.sku);
        const current =
          listed?.id === productId
            ? listed
            : await api(() => client.products.info({ id: productId }, { signal: ctx.signal }));
        if (current.stock?.amount === Math.max(0, stock.quantity)) {
          return {
            request,
            action: 'skip',
            skipReason: skipReason('teamleaderStockUnchanged', {
              sku: stock.sku,
              amount: current.stock.amount,
            }),
          };
        }
        return { request, action: 'update' };
      },
      async send(_prepared, write) {
        const stock = readRecord(StockLevel, write.record.data, 'Stock level');
        const id = write.existing?.productId ?? '';
        // Even a failed update may have been applied: what this run knew of the stock is void.
        products.forget(stock.sku);
        const calls = writeCalls(ctx.signal);
        await api(() =>
          client.products.update(
            { id, stock: { amount: nonNegativeStock(stock.quantity, stock.sku, ctx.log) } },
            calls,
          ),
        );
        return { targetIds: { productId: id }, response: answerOf(calls) };
      },
    };
  },
});
