import { SalesOrder } from '../../../../shared/domain/sales-order';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import { teamleaderSkipIfExists } from '../../../../shared/nodes/teamleader/steps';
import type { TeamleaderClient } from '../../../connectors/teamleader/client';
import { defineExecutor, emit, lookUpOnce, skip, type ItemInfo } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { readRecord } from '../../steps/support/records';
import { writtenByKoppel } from '../../steps/support/written-by-koppel';

/**
 * The invoice carrying Koppel's reference in its purchase order number, if any. Given the record
 * (`item`), a look-up that finds nothing is noted on it, and not repeated for it until something
 * is sent: the "skip if in Teamleader" step and the invoice target's check before creating ask the
 * same question, and Teamleader allows 200 calls a minute.
 */
export async function findInvoiceByReference(
  client: TeamleaderClient,
  reference: string,
  signal: AbortSignal,
  item?: ItemInfo,
): Promise<{ id: string; number: string | null } | null> {
  return lookUpOnce(item, `teamleader:invoice:${reference}`, async () => {
    const found = await api(() =>
      client.invoices.list(
        { filter: { purchase_order_number: reference }, page: { size: 2, number: 1 } },
        { signal },
      ),
    );
    const invoice = found.find((i) => i.purchase_order_number === reference && i.id);
    return invoice?.id ? { id: invoice.id, number: invoice.invoice_number ?? null } : null;
  });
}

/**
 * The deal whose title carries Koppel's reference (quotations have no purchase order number);
 * with `item`, a look-up that finds nothing is noted as for invoices.
 */
export async function findDealByReference(
  client: TeamleaderClient,
  reference: string,
  signal: AbortSignal,
  item?: ItemInfo,
): Promise<{ dealId: string; quotationId: string | undefined } | null> {
  return lookUpOnce(item, `teamleader:deal:${reference}`, async () => {
    const found = await api(() =>
      client.deals.list({ filter: { term: reference }, page: { size: 10, number: 1 } }, { signal }),
    );
    const deal = found.find((d) => d.id && d.title?.includes(`[${reference}]`));
    if (!deal?.id) return null;
    const dealId = deal.id;
    const info = await api(() => client.deals.info({ id: dealId }, { signal }));
    return { dealId, quotationId: info.quotations?.[0]?.id ?? undefined };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Teamleader document a record was made from, when its external id (MplusKASSA extOrderId) is
 * one: such an order came from Teamleader and must not be sent back (a sync loop).
 */
export async function teamleaderOrigin(
  client: TeamleaderClient,
  externalId: string | undefined,
  signal: AbortSignal,
): Promise<{ kind: 'invoice' | 'quotation' | 'deal'; id: string } | null> {
  if (!externalId || !UUID.test(externalId)) return null;
  const filter = { filter: { ids: [externalId] }, page: { size: 1, number: 1 } };
  const invoice = (await api(() => client.invoices.list(filter, { signal })))[0];
  if (invoice) return { kind: 'invoice', id: String(invoice.invoice_number ?? invoice.id ?? externalId) };
  if ((await api(() => client.quotations.list(filter, { signal }))).length > 0)
    return { kind: 'quotation', id: externalId };
  const deal = (await api(() => client.deals.list(filter, { signal })))[0];
  return deal ? { kind: 'deal', id: String(deal.reference ?? deal.title ?? externalId) } : null;
}

/**
 * The Teamleader document a Koppel run made this MplusKASSA order (`orderId`) from, by the run
 * history: the order's external id is that document's id.
 */
function ownOrigin(
  ctx: Parameters<typeof writtenByKoppel>[0],
  externalId: string | undefined,
  orderId: string,
): { kind: 'invoice' | 'quotation' | 'deal'; id: string } | null {
  if (!externalId) return null;
  const own = writtenByKoppel(ctx, 'teamleader', ['invoice', 'quotation', 'deal'], externalId, orderId);
  return own ? { kind: own.entity, id: own.businessKeys.orderNumber ?? externalId } : null;
}

/**
 * Skips documents Teamleader already has (an invoice or offer carrying the source's id), and
 * documents that came from Teamleader in the first place (their extOrderId is a Teamleader id).
 */
export const teamleaderSkipIfExistsModule = defineExecutor(teamleaderSkipIfExists, {
  category: 'transform',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    return {
      async process(record, item) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const reference = order.source.id;
        // First: an order that came from Teamleader. Koppel's own (the run history knows it made
        // this order from a Teamleader document) costs no call; another's costs this one call, not a
        // reference look-up too (a till's orders carry no Teamleader id and cost no call here).
        const origin =
          ownOrigin(ctx, order.externalId, order.source.id) ??
          (await teamleaderOrigin(client, order.externalId, ctx.signal));
        if (origin) return skip(skipReason('cameFrom', { system: 'Teamleader', ...origin }));
        if (ctx.config.documentType === 'invoice') {
          const invoice = await findInvoiceByReference(client, reference, ctx.signal, item);
          if (invoice) {
            return skip(
              invoice.number
                ? skipReason('teamleaderInvoiceExists', { invoice: invoice.number, reference })
                : skipReason('teamleaderDraftInvoiceExists', { id: invoice.id, reference }),
            );
          }
        } else {
          const deal = await findDealByReference(client, reference, ctx.signal, item);
          // A deal without its quotation is half-made (the quotation failed): the target finishes it.
          if (deal?.quotationId)
            return skip(skipReason('teamleaderDealExists', { deal: deal.dealId, reference }));
        }
        return emit(record);
      },
    };
  },
});
