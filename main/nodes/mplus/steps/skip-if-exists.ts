import { SalesOrder } from '../../../../shared/domain/sales-order';
import { mplusSkipIfExists } from '../../../../shared/nodes/mplus/steps';
import { defineExecutor, emit, skip } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { orderLabel, readRecord } from '../../steps/support/records';

/** Skips documents MplusKASSA already holds under the source's id (extOrderId / extInvoiceId). */
export const mplusSkipIfExistsModule = defineExecutor(mplusSkipIfExists, {
  category: 'transform',
  async open(ctx) {
    const client = await mplusClient(ctx);
    return {
      async process(record) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const reference = order.source.id;
        if (ctx.config.documentType === 'order') {
          const found = await api(() => client.findOrder(reference, { signal: ctx.signal }));
          if (found) {
            return skip(
              `already in MplusKASSA as order ${found.transactionString ?? found.orderId} (extOrderId ${reference})`,
            );
          }
        } else {
          const found = await api(() => client.findInvoice(reference, { signal: ctx.signal }));
          if (found) {
            return skip(
              `already in MplusKASSA as invoice ${found.transactionString ?? found.invoiceId ?? ''} (extInvoiceId ${reference})`,
            );
          }
        }
        ctx.log.debug(`${orderLabel(order)} is not in MplusKASSA yet.`);
        return emit(record);
      },
    };
  },
});
