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
import { findProductByCode } from '../steps/ensure-products';
import { nonNegativeStock } from '../convert/product';

/** Sets the stock of the product whose code is the SKU; a missing product is skipped or fails. */
export const teamleaderStockTargetModule = defineExecutor(teamleaderStockTarget, {
  category: 'target',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      reference: ({ record }) => readRecord(StockLevel, record.data, 'Stock level').sku,
      async findExisting({ reference }): Promise<TargetIds | null> {
        const id = await findProductByCode(client, reference, ctx.signal);
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
        const current = await api(() => client.products.info({ id: productId }, { signal: ctx.signal }));
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
        await api(() =>
          client.products.update(
            { id, stock: { amount: nonNegativeStock(stock.quantity, stock.sku, ctx.log) } },
            { signal: ctx.signal },
          ),
        );
        return { targetIds: { productId: id } };
      },
    };
  },
});
