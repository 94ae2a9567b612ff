import type {
  Address as MplusAddress,
  Invoice,
  Line,
  Order,
  Relation,
  VatGroupList,
  VatMethod,
} from '../../../connectors/mplus/generated/model-types';
import {
  countryCode,
  isEmptyAddress,
  splitStreetLine,
  type Address,
} from '../../../../shared/domain/address';
import { toJsonObject } from '../../../../shared/domain/json';
import { exclFromIncl, inclFromExcl, roundTo } from '../../../../shared/domain/product';
import type { SalesOrder, SalesOrderLine } from '../../../../shared/domain/sales-order';
import { relationToCustomer } from './customer';

function addressOf(address: MplusAddress | undefined): Address | undefined {
  if (!address) return undefined;
  const converted: Address = {
    ...splitStreetLine(address.address),
    ...(address.zipcode ? { postalCode: address.zipcode } : {}),
    ...(address.city ? { city: address.city } : {}),
    ...(countryCode(address.country) ? { country: countryCode(address.country) } : {}),
  };
  return isEmptyAddress(converted) ? undefined : converted;
}

function rateOf(line: Line, groups: VatGroupList | undefined): number {
  const data = line.data;
  if (data?.vatPercentage !== undefined) return data.vatPercentage;
  const group = (groups?.vatGroup ?? []).find((g) => g.vatCode === data?.vatCode);
  return group?.vatPercentage ?? 0;
}

/** One MplusKASSA line as a canonical line: unit prices both ways from the document's VAT method. */
export function lineToCanonical(
  line: Line,
  vatMethod: VatMethod | undefined,
  groups: VatGroupList | undefined,
  skuOf: SkuOf,
): SalesOrderLine {
  const data = line.data;
  const rate =
    vatMethod === 'VAT-METHOD-SHIFTED' || vatMethod === 'VAT-METHOD-NONE' ? 0 : rateOf(line, groups);
  const price = data?.price ?? 0;
  const exclusive = vatMethod === 'VAT-METHOD-EXCLUSIVE';
  return {
    sku: skuOf(line.articleNumber),
    description: line.text ?? '',
    quantity: data?.quantity ?? 0,
    unitPriceExcl: exclusive ? price : exclFromIncl(price, rate),
    unitPriceIncl: exclusive ? inclFromExcl(price, rate) : price,
    taxRate: rate,
    ...(data?.discountPercentage ? { discountPercent: data.discountPercentage } : {}),
  };
}

function numberOf(
  transactionString: string | undefined,
  number: { year: number; number: number } | undefined,
  fallback: string,
): string {
  if (transactionString) return transactionString;
  return number && number.number > 0 ? `${number.year}-${number.number}` : fallback;
}

type Common = Pick<
  SalesOrder,
  | 'date'
  | 'customer'
  | 'billingAddress'
  | 'deliveryAddress'
  | 'lines'
  | 'shippingMethod'
  | 'paymentMethod'
  | 'totals'
  | 'currency'
  | 'reference'
  | 'payments'
  | 'branch'
>;

/** Article number → SKU (see ArticleSkus). */
export type SkuOf = (articleNumber: number) => string;

function common(document: Order | Invoice, relation: Relation | null, skuOf: SkuOf): Common {
  const customer = relation ? relationToCustomer(relation) : null;
  const payments = (document.paymentList?.payment ?? []).map((p) => ({ method: p.method, amount: p.amount }));
  const billing = addressOf(document.invoiceAddress) ?? customer?.billingAddress;
  const delivery = addressOf(document.deliveryAddress) ?? customer?.deliveryAddress;
  const excl = document.totalExclAmount ?? 0;
  const incl = document.totalInclAmount ?? 0;
  const date =
    document.financialDate ?? document.entryTimestamp?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
  const paymentMethod =
    payments[0]?.method ?? ('paymentMethod' in document ? document.paymentMethod : undefined);
  const branch = document.financialBranchNumber ?? document.entryBranchNumber;
  return {
    date,
    customer,
    ...(billing ? { billingAddress: billing } : {}),
    ...(delivery ? { deliveryAddress: delivery } : {}),
    lines: (document.lineList?.line ?? []).map((line) =>
      lineToCanonical(line, document.vatMethod, document.vatGroupList, skuOf),
    ),
    ...('deliveryMethod' in document && document.deliveryMethod
      ? { shippingMethod: document.deliveryMethod }
      : {}),
    ...(paymentMethod ? { paymentMethod } : {}),
    totals: { excl, incl, tax: roundTo(incl - excl, 2) },
    currency: 'EUR',
    ...(document.reference ? { reference: document.reference } : {}),
    ...(payments.length > 0 ? { payments } : {}),
    ...(branch === undefined ? {} : { branch }),
  };
}

/** An MplusKASSA order (with its relation, if any) as a canonical sales order. */
export function orderToSalesOrder(
  order: Order,
  relation: Relation | null,
  skuOf: SkuOf = String,
): SalesOrder {
  const status =
    order.cancelState && order.cancelState !== 'ORDER-CANCEL-STATE-NOTHING'
      ? 'cancelled'
      : order.fullyPaid
        ? 'paid'
        : 'open';
  return {
    source: { system: 'mplus', entity: 'order', id: order.orderId },
    kind: 'order',
    number: numberOf(order.transactionString, order.orderNumber, order.orderId),
    ...common(order, relation, skuOf),
    status,
    paid: order.fullyPaid === true,
    ...(order.extOrderId ? { externalId: order.extOrderId } : {}),
    raw: toJsonObject(order),
  };
}

/** An MplusKASSA invoice as a canonical sales order of kind `invoice`. */
export function invoiceToSalesOrder(
  invoice: Invoice,
  relation: Relation | null,
  skuOf: SkuOf = String,
): SalesOrder {
  const id = invoice.invoiceId ?? '';
  const paid = invoice.state === 'INVOICE-STATE-PAID' || invoice.state === 'INVOICE-STATE-HANDLED';
  return {
    source: { system: 'mplus', entity: 'invoice', id },
    kind: 'invoice',
    number: numberOf(invoice.transactionString, invoice.invoiceNumber, id),
    ...common(invoice, relation, skuOf),
    status: paid ? 'paid' : invoice.invoiceType === 'INVOICE-TYPE-CREDIT-INVOICE' ? 'credit' : 'open',
    paid,
    ...(invoice.extInvoiceId ? { externalId: invoice.extInvoiceId } : {}),
    raw: toJsonObject(invoice),
  };
}
