import { SalesOrder } from '../../../../shared/domain/sales-order';
import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import { mplusSkipIfExists } from '../../../../shared/nodes/mplus/steps';
import type { MplusClient } from '../../../connectors/mplus/client';
import { defineExecutor, emit, skip } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { readRecord } from '../../steps/support/records';
import { writtenByKoppel } from '../../steps/support/written-by-koppel';

/**
 * The MplusKASSA document a record was made from, when its reference (Teamleader
 * purchase_order_number) is an MplusKASSA order or invoice id: it must not be sent back (a sync loop).
 */
export async function mplusOrigin(
  client: MplusClient,
  reference: string | undefined,
  signal: AbortSignal,
): Promise<{ kind: 'order' | 'invoice'; id: string } | null> {
  if (!reference) return null;
  if (/^[0-9a-f]{32}$/i.test(reference)) {
    const order = await api(() => client.getOrder(reference, { signal }));
    if (order) return { kind: 'order', id: String(order.transactionString ?? order.orderId) };
  }
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference)) {
    const invoice = await api(() => client.getInvoice(reference, { signal }));
    if (invoice)
      return { kind: 'invoice', id: String(invoice.transactionString ?? invoice.invoiceId ?? reference) };
  }
  return null;
}

/**
 * Skips documents MplusKASSA already holds under the source's id (extOrderId / extInvoiceId), and
 * documents that came from MplusKASSA in the first place (their reference is an MplusKASSA id).
 */
export const mplusSkipIfExistsModule = defineExecutor(mplusSkipIfExists, {
  category: 'transform',
  async open(ctx) {
    const client = await mplusClient(ctx);
    return {
      async process(record) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const reference = order.source.id;
        // A Teamleader document Koppel made from a till's order or invoice (its reference is that
        // document's id, and the run history says so) goes no further, and costs no call.
        const own = order.reference
          ? writtenByKoppel(ctx, 'mplus', ['order', 'invoice'], order.reference, reference)
          : null;
        if (own) {
          const id = own.businessKeys.orderNumber ?? order.reference ?? reference;
          return skip(skipReason('cameFrom', { system: 'MplusKASSA', kind: own.entity, id }));
        }
        if (ctx.config.documentType === 'order') {
          const found = await api(() => client.findOrder(reference, { signal: ctx.signal }));
          if (found) {
            return skip(
              skipReason('mplusOrderExists', { order: found.transactionString ?? found.orderId, reference }),
            );
          }
        } else {
          const found = await api(() => client.findInvoice(reference, { signal: ctx.signal }));
          if (found) {
            return skip(
              skipReason('mplusInvoiceExists', {
                invoice: found.transactionString ?? found.invoiceId ?? '',
                reference,
              }),
            );
          }
        }
        const origin = await mplusOrigin(client, order.reference, ctx.signal);
        if (origin) return skip(skipReason('cameFrom', { system: 'MplusKASSA', ...origin }));
        ctx.log.debug(runMessage('mplusNotInMplusYet', { kind: order.kind, number: order.number }));
        return emit(record);
      },
    };
  },
});
