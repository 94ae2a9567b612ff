import { toJsonObject } from '../../../../shared/domain/json';
import { SalesOrder } from '../../../../shared/domain/sales-order';
import type { TeamleaderCreated } from '../../../../shared/flow/messages/teamleader-messages';
import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import { teamleaderSalesTarget } from '../../../../shared/nodes/teamleader/targets';
import type { CallOptions } from '../../../connectors/teamleader';
import type { TeamleaderClient } from '../../../connectors/teamleader/client';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, type TargetIds, type TargetWrite, type WriteResult } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { orderLabel, readRecord } from '../../steps/support/records';
import { currencyOf } from '../convert/product';
import { TEAMLEADER_REFERENCE } from '../reference';
import { findDealByReference, findInvoiceByReference } from '../steps/skip-if-exists';
import { answerOf, writeCalls } from './call-answers';
import { perWrite } from '../../steps/support/per-write';
import { customerOf, invoiceBody, lineItems, type InvoiceBody } from './sales-body';

function createdId(ref: { id?: string }, what: TeamleaderCreated): string {
  if (!ref.id)
    throw permanentError(runMessage('teamleaderCreatedNoId', { what }), {
      code: 'teamleader_protocol',
    });
  return ref.id;
}

async function book(
  client: TeamleaderClient,
  id: string,
  on: string,
  order: { kind: string; number: string },
  calls: CallOptions,
): Promise<void> {
  try {
    await api(() => client.invoices.book({ id, on }, calls));
  } catch (error) {
    // The draft exists and carries our reference: the next attempt finds it and books it.
    throw permanentError(
      runMessage('teamleaderBookFailed', {
        kind: order.kind,
        number: order.number,
        id,
        detail: error instanceof Error ? error.message : String(error),
      }),
      {
        code: 'book_failed',
        cause: error,
      },
    );
  }
}

/**
 * Invoices (drafted, optionally booked) carry the source's id in purchase_order_number; offers are
 * a deal titled "<number> [<reference>]" with a quotation. Booked invoices are never changed.
 */
export const teamleaderSalesTargetModule = defineExecutor(teamleaderSalesTarget, {
  category: 'target',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    const config = ctx.config;
    const lookups = ctx.perRun(TEAMLEADER_REFERENCE, client);
    const isInvoice = config.documentType === 'invoice';
    const signal = ctx.signal;
    const orderOf = (write: Pick<TargetWrite, 'record'>) =>
      readRecord(SalesOrder, write.record.data, 'Sales order');
    // Source rate → Teamleader rate pairs this run already warned of.
    const taxChangesTold = new Set<string>();
    /** A line whose tax rules give Teamleader another rate than the source charged: warn, once a pair. */
    const warnOfTaxChanges = (order: SalesOrder, key: string) => {
      order.lines.forEach((line, index) => {
        const to = line.targetTax ?? line.taxRate;
        const pair = `${line.taxRate}>${to}`;
        if (Math.abs(to - line.taxRate) < 0.001 || taxChangesTold.has(pair)) return;
        taxChangesTold.add(pair);
        ctx.log.warn(
          runMessage('teamleaderTaxChanged', {
            kind: order.kind,
            number: order.number,
            line: index + 1,
            from: line.taxRate,
            to,
          }),
          key,
        );
      });
    };

    const draftBody = perWrite(async (write): Promise<InvoiceBody> => {
      const departmentId = await lookups.departmentId(config.department);
      return invoiceBody(orderOf(write), write.reference, departmentId, lookups, config);
    });

    const quotationParts = perWrite(async (write) => {
      const order = orderOf(write);
      const customer = customerOf(order);
      const departmentId = await lookups.departmentId(config.department);
      const currency = { code: currencyOf(order.currency), exchange_rate: 1 };
      return {
        deal: {
          lead: {
            customer: { type: customer.type, id: customer.id },
            ...(customer.contactId ? { contact_person_id: customer.contactId } : {}),
          },
          title: `${order.number} [${write.reference}]`,
          department_id: departmentId,
          estimated_value: { amount: order.totals.excl, currency: currency.code },
        },
        quotation: {
          currency,
          grouped_lines: [
            { section: { title: '' }, line_items: await lineItems(order, departmentId, lookups, false, 2) },
          ],
          text: `${orderLabel(order)} (Koppel reference [${write.reference}])`,
        },
      };
    });

    const sendInvoice = async (write: TargetWrite): Promise<WriteResult> => {
      const order = orderOf(write);
      const body = await draftBody(write);
      const calls = writeCalls(signal);
      let id = write.existing?.invoiceId;
      if (id) {
        const { department_id: _department, ...changes } = body;
        const invoiceId = id;
        await api(() => client.invoices.update({ id: invoiceId, ...changes }, calls));
      } else {
        id = createdId(await api(() => client.invoices.draft(body, calls)), 'invoice');
      }
      if (config.book) await book(client, id, order.date, order, calls);
      return { targetIds: { invoiceId: id }, response: answerOf(calls) };
    };

    const sendQuotation = async (write: TargetWrite): Promise<WriteResult> => {
      const parts = await quotationParts(write);
      const calls = writeCalls(signal);
      const dealId =
        write.existing?.dealId ?? createdId(await api(() => client.deals.create(parts.deal, calls)), 'deal');
      const existingQuotation = write.existing?.quotationId;
      if (existingQuotation) {
        await api(() => client.quotations.update({ id: existingQuotation, ...parts.quotation }, calls));
        return { targetIds: { dealId, quotationId: existingQuotation }, response: answerOf(calls) };
      }
      const quotationId = createdId(
        await api(() => client.quotations.create({ deal_id: dealId, ...parts.quotation }, calls)),
        'quotation',
      );
      return { targetIds: { dealId, quotationId }, response: answerOf(calls) };
    };

    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      // A deal and its quotation, or a draft and its booking: found half-done, it is finished.
      writesInSteps: !isInvoice || config.book,
      reference: ({ record }) => readRecord(SalesOrder, record.data, 'Sales order').source.id,
      async findExisting({ reference, item }): Promise<TargetIds | null> {
        if (isInvoice) {
          const invoice = await findInvoiceByReference(client, reference, signal, item);
          return invoice ? { invoiceId: invoice.id } : null;
        }
        const deal = await findDealByReference(client, reference, signal, item);
        return deal
          ? { dealId: deal.dealId, ...(deal.quotationId ? { quotationId: deal.quotationId } : {}) }
          : null;
      },
      async prepare(write) {
        warnOfTaxChanges(orderOf(write), write.item.key);
        if (isInvoice) {
          const invoiceId = write.existing?.invoiceId;
          if (invoiceId) {
            const current = await api(() => client.invoices.info({ id: invoiceId }, { signal }));
            if (current.status !== 'draft') {
              return {
                request: toJsonObject({ invoiceId }),
                action: 'skip',
                skipReason: skipReason('teamleaderInvoiceBooked', {
                  kind: orderOf(write).kind,
                  number: orderOf(write).number,
                  invoice: current.invoice_number ?? invoiceId,
                }),
              };
            }
          }
          return {
            request: toJsonObject({
              operation: invoiceId ? 'invoices.update' : 'invoices.draft',
              body: await draftBody(write),
              book: config.book,
            }),
            action: invoiceId ? 'update' : 'create',
          };
        }
        return {
          request: toJsonObject({
            operation: write.existing ? 'quotations.update' : 'deals.create+quotations.create',
            ...(await quotationParts(write)),
          }),
          action: write.existing ? 'update' : 'create',
        };
      },
      send: (_prepared, write) => (isInvoice ? sendInvoice(write) : sendQuotation(write)),
    };
  },
});
