import { SalesOrder } from '../../../../shared/domain/sales-order';
import { teamleaderSkipIfExists } from '../../../../shared/nodes/teamleader/steps';
import type { TeamleaderClient } from '../../../connectors/teamleader/client';
import { defineExecutor, emit, skip } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { readRecord } from '../../steps/support/records';

/** The invoice carrying Koppel's reference in its purchase order number, if any. */
export async function findInvoiceByReference(
  client: TeamleaderClient,
  reference: string,
  signal: AbortSignal,
): Promise<{ id: string; number: string | null } | null> {
  const found = await api(() =>
    client.invoices.list(
      { filter: { purchase_order_number: reference }, page: { size: 2, number: 1 } },
      { signal },
    ),
  );
  const invoice = found.find((i) => i.purchase_order_number === reference && i.id);
  return invoice?.id ? { id: invoice.id, number: invoice.invoice_number ?? null } : null;
}

/** The deal whose title carries Koppel's reference (quotations have no purchase order number). */
export async function findDealByReference(
  client: TeamleaderClient,
  reference: string,
  signal: AbortSignal,
): Promise<{ dealId: string; quotationId: string | undefined } | null> {
  const found = await api(() =>
    client.deals.list({ filter: { term: reference }, page: { size: 10, number: 1 } }, { signal }),
  );
  const deal = found.find((d) => d.id && d.title?.includes(`[${reference}]`));
  if (!deal?.id) return null;
  const dealId = deal.id;
  const info = await api(() => client.deals.info({ id: dealId }, { signal }));
  return { dealId, quotationId: info.quotations?.[0]?.id ?? undefined };
}

/** Skips documents Teamleader already has: an invoice (or offer) carrying the source's id. */
export const teamleaderSkipIfExistsModule = defineExecutor(teamleaderSkipIfExists, {
  category: 'transform',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    return {
      async process(record) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const reference = order.source.id;
        if (ctx.config.documentType === 'invoice') {
          const invoice = await findInvoiceByReference(client, reference, ctx.signal);
          if (invoice) {
            return skip(
              `already in Teamleader as invoice ${invoice.number ?? `(draft ${invoice.id})`} (purchase order number ${reference})`,
            );
          }
        } else {
          const deal = await findDealByReference(client, reference, ctx.signal);
          if (deal) return skip(`already in Teamleader as deal ${deal.dealId} (reference ${reference})`);
        }
        return emit(record);
      },
    };
  },
});
