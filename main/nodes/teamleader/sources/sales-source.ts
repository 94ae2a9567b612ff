import { matchEmail } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';
import { isJsonObject } from '../../../../shared/flow/json';
import type { SalesOrder } from '../../../../shared/domain/sales-order';
import { teamleaderSalesSource } from '../../../../shared/nodes/teamleader/sources';
import type { TeamleaderClient } from '../../../connectors/teamleader/client';
import type { Quotation } from '../../../connectors/teamleader/schemas';
import { defineExecutor, type SourceContext, type SourceRecord } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { passesFilters, sourceRecord } from '../../steps/support/source-support';
import { CustomerReader } from '../customer-reader';
import { ProductCodes } from '../products-by-code';
import {
  dealToSalesOrder,
  invoiceToSalesOrder,
  quotationToSalesOrder,
  type LineContext,
} from '../convert/sales';
import { TEAMLEADER_REFERENCE, type TeamleaderReference } from '../reference';
import { updatedSinceWindow, windowCursorOf, type WindowItem } from './window';

const DEFAULT_STATUSES = {
  invoices: ['outstanding', 'matched'],
  quotations: ['accepted'],
  deals: ['won'],
} as const;

const invoiceStatuses = ['draft', 'outstanding', 'matched'] as const;
const dealStatuses = ['open', 'won', 'lost'] as const;

/** Keeps the statuses a list filter accepts (the rest are checked on the records). */
function only<T extends string>(allowed: readonly T[], wanted: readonly string[]): T[] {
  return allowed.filter((status) => wanted.includes(status));
}

interface Readers {
  client: TeamleaderClient;
  customers: CustomerReader;
  codes: ProductCodes;
  reference: TeamleaderReference;
  signal: AbortSignal;
}

async function lineContext(readers: Readers, productIds: (string | undefined)[]): Promise<LineContext> {
  await readers.codes.load(productIds);
  const percent = await readers.reference.taxPercents();
  return { codeOf: (id) => readers.codes.codeOf(id), percentOf: (id) => (id ? percent.get(id) : undefined) };
}

const productIdsOf = (
  groups: readonly { line_items?: readonly { product?: { id?: string } | null }[] }[] | undefined,
) => (groups ?? []).flatMap((g) => (g.line_items ?? []).map((l) => l.product?.id ?? undefined));

async function readInvoice(readers: Readers, id: string): Promise<SalesOrder> {
  const invoice = await api(() => readers.client.invoices.info({ id }, { signal: readers.signal }));
  const attention = invoice.invoicee?.for_attention_of?.contact?.id ?? undefined;
  const customer = await readers.customers.customer(invoice.invoicee?.customer, attention);
  return invoiceToSalesOrder(
    invoice,
    customer,
    await lineContext(readers, productIdsOf(invoice.grouped_lines)),
  );
}

async function readQuotation(readers: Readers, id: string): Promise<SalesOrder> {
  const quotation = await api(() => readers.client.quotations.info({ id }, { signal: readers.signal }));
  const dealId = quotation.deal?.id;
  const deal = dealId
    ? await api(() => readers.client.deals.info({ id: dealId }, { signal: readers.signal }))
    : null;
  const customer = await readers.customers.customer(
    deal?.lead?.customer,
    deal?.lead?.contact_person?.id ?? undefined,
  );
  return quotationToSalesOrder(
    quotation,
    deal,
    customer,
    await lineContext(readers, productIdsOf(quotation.grouped_lines)),
  );
}

async function readDeal(readers: Readers, id: string): Promise<SalesOrder> {
  const deal = await api(() => readers.client.deals.info({ id }, { signal: readers.signal }));
  let quotation: Quotation | null = null;
  for (const ref of [...(deal.quotations ?? [])].reverse()) {
    const refId = ref.id;
    if (!refId) continue;
    const candidate = await api(() =>
      readers.client.quotations.info({ id: refId }, { signal: readers.signal }),
    );
    if (!quotation || candidate.status === 'accepted') quotation = candidate;
    if (candidate.status === 'accepted') break;
  }
  const customer = await readers.customers.customer(
    deal.lead?.customer,
    deal.lead?.contact_person?.id ?? undefined,
  );
  return dealToSalesOrder(
    deal,
    quotation,
    customer,
    await lineContext(readers, productIdsOf(quotation?.grouped_lines)),
  );
}

function listOf(
  ctx: SourceContext<{ documentType: 'invoices' | 'quotations' | 'deals' }>,
  client: TeamleaderClient,
  statuses: readonly string[],
): (since: string | undefined) => AsyncIterable<WindowItem & { status?: string }> {
  const options = { signal: ctx.signal };
  switch (ctx.config.documentType) {
    case 'invoices':
      return (since) =>
        client.invoices.iterate(
          { filter: { ...(since ? { updated_since: since } : {}), status: only(invoiceStatuses, statuses) } },
          options,
        );
    case 'deals':
      return (since) =>
        client.deals.iterate(
          { filter: { ...(since ? { updated_since: since } : {}), status: only(dealStatuses, statuses) } },
          options,
        );
    case 'quotations':
      // quotations.list has no updated_since: the window is applied to updated_at by the reader.
      return () => client.quotations.iterate({}, options);
  }
}

/** Invoices, accepted quotations or won deals, changed since the last run, with customer and lines. */
export const teamleaderSalesSourceModule = defineExecutor(teamleaderSalesSource, {
  category: 'source',
  async *read(ctx) {
    const client = await teamleaderClient(ctx);
    const { documentType, filters } = ctx.config;
    const statuses: readonly string[] =
      ctx.config.statuses.length > 0 ? ctx.config.statuses : DEFAULT_STATUSES[documentType];
    const readers: Readers = {
      client,
      customers: new CustomerReader(client, ctx.signal),
      codes: new ProductCodes(client, ctx.signal),
      reference: ctx.perRun(TEAMLEADER_REFERENCE, client),
      signal: ctx.signal,
    };
    const entity =
      documentType === 'invoices' ? 'invoice' : documentType === 'quotations' ? 'quotation' : 'deal';
    // A cursor of another document type (the setting changed) does not apply.
    const stored =
      isJsonObject(ctx.cursor) && ctx.cursor.documentType === documentType
        ? windowCursorOf(ctx.cursor)
        : null;
    yield* updatedSinceWindow(ctx, {
      cursor: stored,
      startFrom: ctx.config.startFrom,
      pageSize: ctx.config.pageSize,
      list: listOf(ctx, client, statuses),
      wrap: (cursor) => ({ ...cursor, documentType }),
      records: async (items, checkpoint) => {
        const records: SourceRecord[] = [];
        for (const [index, item] of items.entries()) {
          if (item.status && !statuses.includes(item.status)) continue;
          const id = item.id ?? '';
          const order = await ctx.retry(() =>
            documentType === 'invoices'
              ? readInvoice(readers, id)
              : documentType === 'quotations'
                ? readQuotation(readers, id)
                : readDeal(readers, id),
          );
          const data = toJsonObject(order);
          if (!passesFilters(filters, data)) continue;
          records.push(
            sourceRecord(
              { system: 'teamleader', entity, id },
              data,
              { orderNumber: order.number, email: matchEmail(order.customer?.email) },
              checkpoint(index),
            ),
          );
        }
        return records;
      },
    });
  },
});
