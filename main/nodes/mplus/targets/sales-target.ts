import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import type { Invoice, Line, Order, Payment } from '../../../connectors/mplus/generated/model-types';
import { joinStreetLine, type Address } from '../../../../shared/domain/address';
import { toJsonObject } from '../../../../shared/domain/json';
import { roundTo } from '../../../../shared/domain/product';
import { SalesOrder } from '../../../../shared/domain/sales-order';
import { mplusSalesTarget, type MplusSalesTargetConfig } from '../../../../shared/nodes/mplus/targets';
import type { MplusClient } from '../../../connectors/mplus/client';
import { permanentError } from '../../../engine/errors';
import {
  defineExecutor,
  type RunLog,
  type TargetIds,
  type TargetWrite,
  type WriteResult,
} from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { perWrite } from '../../steps/support/per-write';
import { mplusClient } from '../../steps/support/clients';
import { readRecord } from '../../steps/support/records';
import { articleNumberOf } from '../convert/sku';

function addressOf(address: Address | undefined, name: string): Order['invoiceAddress'] {
  if (!address) return undefined;
  const line = joinStreetLine(address);
  return {
    name,
    ...(line ? { address: line } : {}),
    ...(address.postalCode ? { zipcode: address.postalCode } : {}),
    ...(address.city ? { city: address.city } : {}),
    ...(address.country ? { country: address.country } : {}),
  };
}

/** The order (or invoice) MplusKASSA gets for a canonical sales order; net prices, VAT code per line. */
export function buildDocument(
  write: TargetWrite,
  config: MplusSalesTargetConfig,
): { order: Order; payments: Payment[] } {
  const order = readRecord(SalesOrder, write.record.data, 'Sales order');
  if (order.customerRef?.system !== 'mplus') {
    throw permanentError(runMessage('mplusNoCustomerRef', { kind: order.kind, number: order.number }), {
      code: 'no_customer',
      field: 'customerRef',
    });
  }
  const lines: Line[] = order.lines.map((line, index) => ({
    articleNumber:
      line.articleNumber ??
      articleNumberOf(line.sku, config.skuPrefix, {
        kind: order.kind,
        number: order.number,
        line: index + 1,
      }),
    text: line.description,
    data: {
      quantity: line.quantity,
      price: roundTo(line.unitPriceExcl, 2),
      ...(line.targetTax === undefined ? {} : { vatCode: line.targetTax }),
      ...(line.discountPercent ? { discountPercentage: Math.round(line.discountPercent) } : {}),
    },
  }));
  const name = order.customer?.name ?? '';
  const invoiceAddress = addressOf(order.billingAddress, name);
  const deliveryAddress = addressOf(order.deliveryAddress, name);
  const document: Order = {
    orderId: '',
    extOrderId: write.reference,
    orderType: 'ORDER-TYPE-SALES-ORDER',
    entryBranchNumber: config.branchNumber,
    financialBranchNumber: config.branchNumber,
    ...(config.workplaceNumber === undefined ? {} : { workplaceNumber: config.workplaceNumber }),
    employeeNumber: config.employeeNumber,
    relationNumber: Number(order.customerRef.id),
    financialDate: order.date,
    reference: order.number,
    vatMethod: 'VAT-METHOD-EXCLUSIVE',
    ...(invoiceAddress ? { invoiceAddress } : {}),
    ...(deliveryAddress ? { deliveryAddress } : {}),
    ...(order.shippingMethod ? { deliveryMethod: order.shippingMethod } : {}),
    ...(order.paymentMethod ? { paymentMethod: order.paymentMethod } : {}),
    ...(config.orderCategoryNumber === undefined ? {} : { orderCategoryNumber: config.orderCategoryNumber }),
    lineList: { line: lines },
  };
  const payments: Payment[] = config.registerPayments
    ? (order.payments ?? []).map((payment) => ({
        method: payment.method,
        amount: roundTo(payment.amount, 2),
      }))
    : [];
  return { order: document, payments };
}

function invoiceOf(order: Order, reference: string): Invoice {
  const {
    orderId: _orderId,
    extOrderId: _extOrderId,
    orderType: _type,
    deliveryMethod: _delivery,
    paymentMethod: _payment,
    orderCategoryNumber: _category,
    ...rest
  } = order;
  return { ...rest, extInvoiceId: reference };
}

/** The kind and number messages name a write's sales document by. */
function documentOf(write: TargetWrite): { kind: string; number: string } {
  const order = readRecord(SalesOrder, write.record.data, 'Sales order');
  return { kind: order.kind, number: order.number };
}

/** createOrderV3's body but for the idempotency key: what the item stores as sent, and sends. */
function orderRequest({ order, payments }: { order: Order; payments: Payment[] }) {
  return {
    order,
    ...(payments.length > 0 ? { prepay: false, paymentList: { payment: payments } } : {}),
  };
}

async function sendOrder(
  client: MplusClient,
  write: TargetWrite,
  document: { order: Order; payments: Payment[] },
  signal: AbortSignal,
): Promise<WriteResult> {
  const outcome = await api(() =>
    client.createOrderV3({ idempotencyKey: write.idempotencyKey, ...orderRequest(document) }, { signal }),
  );
  if (outcome.kind === 'created' || outcome.kind === 'payment_failed') {
    return {
      targetIds: { orderId: outcome.orderId },
      response: toJsonObject({ ...outcome, order: undefined }),
    };
  }
  if (outcome.kind === 'already_exists') {
    // Our extOrderId is there already (a write whose answer was lost): that order is this record.
    const existing = await api(() => client.findOrder(write.reference, { signal }));
    if (existing) return { targetIds: { orderId: existing.orderId }, response: toJsonObject(outcome) };
  }
  throw permanentError(runMessage('mplusRefusedOrder', { ...documentOf(write), detail: outcome.message }), {
    code: 'mplus_rejected',
  });
}

async function sendInvoice(
  client: MplusClient,
  write: TargetWrite,
  { order }: { order: Order },
  signal: AbortSignal,
): Promise<WriteResult> {
  const outcome = await api(() => client.saveInvoice(invoiceOf(order, write.reference), { signal }));
  if (outcome.kind === 'saved')
    return { targetIds: { invoiceId: outcome.invoiceId }, response: toJsonObject(outcome) };
  if (outcome.kind === 'already_exists') {
    const existing = await api(() => client.findInvoice(write.reference, { signal }));
    if (existing?.invoiceId)
      return { targetIds: { invoiceId: existing.invoiceId }, response: toJsonObject(outcome) };
  }
  throw permanentError(runMessage('mplusRefusedInvoice', { ...documentOf(write), detail: outcome.message }), {
    code: 'mplus_rejected',
  });
}

/**
 * Warns, once a run per source rate and VAT code, of a line whose VAT code (from the tax rules) has
 * another rate in MplusKASSA than the source charged. The codes' rates are read once a run; when they
 * cannot be read, nothing is said (a warning never fails a record).
 */
function taxChangeWarner(
  client: MplusClient,
  ctx: { log: RunLog; signal: AbortSignal },
): (order: SalesOrder, key: string) => Promise<void> {
  let rates: Promise<Map<number, number>> | undefined;
  const told = new Set<string>();
  return async (order, key) => {
    if (!order.lines.some((line) => line.targetTax !== undefined)) return;
    rates ??= client.getVatGroupList({ signal: ctx.signal }).then(
      (groups) => {
        const byCode = new Map<number, number>();
        for (const group of groups)
          if (!byCode.has(group.vatCode)) byCode.set(group.vatCode, group.vatPercentage);
        return byCode;
      },
      () => new Map<number, number>(),
    );
    const percentOf = await rates;
    order.lines.forEach((line, index) => {
      const code = line.targetTax;
      const to = code === undefined ? undefined : percentOf.get(code);
      if (code === undefined || to === undefined || Math.abs(to - line.taxRate) < 0.001) return;
      const pair = `${line.taxRate}>${code}`;
      if (told.has(pair)) return;
      told.add(pair);
      ctx.log.warn(
        runMessage('mplusTaxChanged', {
          kind: order.kind,
          number: order.number,
          line: index + 1,
          from: line.taxRate,
          to,
          code,
        }),
        key,
      );
    });
  };
}

/**
 * Orders go through createOrderV3 with the engine's idempotency key; invoices through saveInvoice.
 * Either way the source's id is the extOrderId / extInvoiceId, which is also how Koppel finds the
 * document again. A document that exists is not changed (MplusKASSA orders are edited at the till).
 */
export const mplusSalesTargetModule = defineExecutor(mplusSalesTarget, {
  category: 'target',
  async open(ctx) {
    const client = await mplusClient(ctx);
    const config = ctx.config;
    const isOrder = config.documentType === 'order';
    const warnOfTaxChanges = taxChangeWarner(client, ctx);
    const documentFor = perWrite((write) => Promise.resolve(buildDocument(write, config)));
    return {
      idempotency: isOrder ? 'key' : 'reference',
      lookupBeforeCreate: true,
      reference: ({ record }) => readRecord(SalesOrder, record.data, 'Sales order').source.id,
      async findExisting({ reference }): Promise<TargetIds | null> {
        if (isOrder) {
          const order = await api(() => client.findOrder(reference, { signal: ctx.signal }));
          return order ? { orderId: order.orderId } : null;
        }
        const invoice = await api(() => client.findInvoice(reference, { signal: ctx.signal }));
        return invoice?.invoiceId ? { invoiceId: invoice.invoiceId } : null;
      },
      async prepare(write) {
        if (write.mode === 'update') {
          const order = readRecord(SalesOrder, write.record.data, 'Sales order');
          return {
            request: toJsonObject({ existing: write.existing }),
            action: 'skip',
            skipReason: skipReason('mplusDocumentUnchangeable', {
              kind: order.kind,
              number: order.number,
              document: isOrder ? 'order' : 'invoice',
            }),
          };
        }
        await warnOfTaxChanges(readRecord(SalesOrder, write.record.data, 'Sales order'), write.item.key);
        const document = await documentFor(write);
        return {
          request: toJsonObject(
            isOrder
              ? { operation: 'createOrderV3', ...orderRequest(document) }
              : { operation: 'saveInvoice', invoice: invoiceOf(document.order, write.reference) },
          ),
          action: 'create',
        };
      },
      async send(_prepared, write) {
        // The document prepare built and the item stores: what is sent is what the run shows.
        const document = await documentFor(write);
        return isOrder
          ? sendOrder(client, write, document, ctx.signal)
          : sendInvoice(client, write, document, ctx.signal);
      },
    };
  },
});
