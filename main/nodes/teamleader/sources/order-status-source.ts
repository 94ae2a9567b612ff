import { toJsonObject } from '../../../../shared/domain/json';
import type { OrderStatus } from '../../../../shared/domain/order-status';
import { teamleaderOrderStatusSource } from '../../../../shared/nodes/teamleader/sources';
import { defineExecutor, type SourceRecord } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { passesFilters, sourceRecord } from '../../steps/support/source-support';
import { updatedSinceWindow, windowCursorOf } from './window';

/**
 * Invoice payment status changed since the last run. `orderReference` is the invoice id: what
 * MplusKASSA holds as extOrderId for orders Koppel made from Teamleader invoices.
 */
export const teamleaderOrderStatusSourceModule = defineExecutor(teamleaderOrderStatusSource, {
  category: 'source',
  async *read(ctx) {
    const client = await teamleaderClient(ctx);
    const { statuses, filters, startFrom, pageSize } = ctx.config;
    const options = { signal: ctx.signal };
    yield* updatedSinceWindow(ctx, {
      cursor: windowCursorOf(ctx.cursor),
      startFrom,
      pageSize,
      wrap: (cursor) => cursor,
      list: (since) =>
        client.invoices.iterate(
          { filter: { ...(since ? { updated_since: since } : {}), status: [...statuses] } },
          options,
        ),
      records: async (items, checkpoint) => {
        const records: SourceRecord[] = [];
        for (const [index, item] of items.entries()) {
          const id = item.id ?? '';
          const invoice = await ctx.retry(() => api(() => client.invoices.info({ id }, options)));
          const paidAmount = (invoice.payments ?? []).reduce((sum, p) => sum + (p.payment?.amount ?? 0), 0);
          const paidAt = invoice.paid_at ?? undefined;
          const status: OrderStatus = {
            source: { system: 'teamleader', entity: 'invoice', id },
            ...(invoice.invoice_number ? { number: invoice.invoice_number } : {}),
            orderReference: id,
            status: invoice.status ?? 'unknown',
            sourceStatus: invoice.status ?? 'unknown',
            paidAmount,
            totalIncl: invoice.total?.tax_inclusive?.amount ?? 0,
            ...(invoice.expected_payment_method?.method
              ? { paymentMethod: invoice.expected_payment_method.method }
              : {}),
            ...(paidAt ? { paidAt } : {}),
            raw: toJsonObject(invoice),
          };
          const data = toJsonObject(status);
          if (!passesFilters(filters, data)) continue;
          records.push(
            sourceRecord(
              { system: 'teamleader', entity: 'invoice', id },
              data,
              { ...(invoice.invoice_number ? { orderNumber: invoice.invoice_number } : {}) },
              checkpoint(index),
            ),
          );
        }
        return records;
      },
    });
  },
});
