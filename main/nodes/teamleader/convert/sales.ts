import { toJsonObject } from '../../../../shared/domain/json';
import { inclFromExcl, roundTo } from '../../../../shared/domain/product';
import type { Customer } from '../../../../shared/domain/customer';
import type { PaymentTerm, SalesOrder, SalesOrderLine } from '../../../../shared/domain/sales-order';
import type { Deal, Invoice, Quotation } from '../../../connectors/teamleader/schemas';

/** What a sales conversion needs to know about the account. */
export interface LineContext {
  /** Product id → code (the SKU). */
  codeOf(productId: string | undefined): string | undefined;
  /** Tax rate id → percent. */
  percentOf(taxRateId: string | undefined): number | undefined;
}

interface ReadLine {
  product?: { id?: string } | null;
  quantity?: number | null;
  description?: string | null;
  unit_price?: { amount?: number } | null;
  tax?: { id?: string } | null;
  discount?: { value?: number | null } | null;
}

function linesOf(
  groups: readonly { line_items?: readonly ReadLine[] }[] | undefined,
  context: LineContext,
): SalesOrderLine[] {
  return (groups ?? []).flatMap((group) =>
    (group.line_items ?? []).map((line): SalesOrderLine => {
      const rate = context.percentOf(line.tax?.id ?? undefined) ?? 0;
      const excl = line.unit_price?.amount ?? 0;
      const sku = context.codeOf(line.product?.id ?? undefined);
      return {
        ...(sku ? { sku } : {}),
        description: line.description ?? '',
        quantity: line.quantity ?? 0,
        unitPriceExcl: excl,
        unitPriceIncl: inclFromExcl(excl, rate),
        taxRate: rate,
        ...(line.discount?.value ? { discountPercent: line.discount.value } : {}),
      };
    }),
  );
}

export function termOf(
  term: { type?: string; days?: number | null } | null | undefined,
): PaymentTerm | undefined {
  if (!term?.type) return undefined;
  if (term.type === 'cash') return { type: 'cash' };
  const type = term.type === 'end_of_month' ? 'endOfMonth' : 'afterInvoiceDate';
  return { type, ...(typeof term.days === 'number' ? { days: term.days } : {}) };
}

function totalsOf(
  total: { tax_exclusive?: { amount?: number }; tax_inclusive?: { amount?: number } } | undefined,
) {
  const excl = total?.tax_exclusive?.amount ?? 0;
  const incl = total?.tax_inclusive?.amount ?? 0;
  return { excl, incl, tax: roundTo(incl - excl, 2) };
}

/** A Teamleader invoice (info shape) with its customer as a canonical sales order. */
export function invoiceToSalesOrder(
  invoice: Invoice,
  customer: Customer | null,
  context: LineContext,
): SalesOrder {
  const id = invoice.id ?? '';
  const method = invoice.expected_payment_method?.method;
  const term = termOf(invoice.payment_term);
  return {
    source: { system: 'teamleader', entity: 'invoice', id },
    kind: 'invoice',
    number: invoice.invoice_number ?? `draft ${id.slice(0, 8)}`,
    date: invoice.invoice_date ?? invoice.created_at?.slice(0, 10) ?? new Date().toISOString().slice(0, 10),
    customer,
    ...(customer?.billingAddress ? { billingAddress: customer.billingAddress } : {}),
    ...(customer?.deliveryAddress ? { deliveryAddress: customer.deliveryAddress } : {}),
    lines: linesOf(invoice.grouped_lines, context),
    ...(method ? { paymentMethod: method } : {}),
    ...(term ? { paymentTerm: term } : {}),
    ...(invoice.status ? { status: invoice.status } : {}),
    paid: invoice.paid === true,
    totals: totalsOf(invoice.total),
    currency: invoice.currency ?? 'EUR',
    ...(invoice.purchase_order_number ? { reference: invoice.purchase_order_number } : {}),
    raw: toJsonObject(invoice),
  };
}

/** A Teamleader quotation (with its deal) as a canonical sales order of kind `quotation`. */
export function quotationToSalesOrder(
  quotation: Quotation,
  deal: Deal | null,
  customer: Customer | null,
  context: LineContext,
): SalesOrder {
  const id = quotation.id ?? '';
  return {
    source: { system: 'teamleader', entity: 'quotation', id },
    kind: 'quotation',
    number: deal?.reference ?? quotation.name ?? id,
    date: quotation.created_at?.slice(0, 10) ?? new Date().toISOString().slice(0, 10),
    customer,
    ...(customer?.billingAddress ? { billingAddress: customer.billingAddress } : {}),
    ...(customer?.deliveryAddress ? { deliveryAddress: customer.deliveryAddress } : {}),
    lines: linesOf(quotation.grouped_lines, context),
    ...(quotation.status ? { status: quotation.status } : {}),
    totals: totalsOf(quotation.total),
    currency: quotation.currency ?? 'EUR',
    ...(deal?.title ? { reference: deal.title } : {}),
    raw: toJsonObject({ quotation, deal }),
  };
}

/** A won deal (lines from its quotation, if it has one) as a canonical sales order of kind `deal`. */
export function dealToSalesOrder(
  deal: Deal,
  quotation: Quotation | null,
  customer: Customer | null,
  context: LineContext,
): SalesOrder {
  const id = deal.id ?? '';
  const value = deal.estimated_value?.amount ?? 0;
  return {
    source: { system: 'teamleader', entity: 'deal', id },
    kind: 'deal',
    number: deal.reference ?? deal.title ?? id,
    date: (deal.closed_at ?? deal.created_at ?? new Date().toISOString()).slice(0, 10),
    customer,
    ...(customer?.billingAddress ? { billingAddress: customer.billingAddress } : {}),
    ...(customer?.deliveryAddress ? { deliveryAddress: customer.deliveryAddress } : {}),
    lines: linesOf(quotation?.grouped_lines, context),
    ...(deal.status ? { status: deal.status } : {}),
    totals: quotation ? totalsOf(quotation.total) : { excl: value, incl: value, tax: 0 },
    currency: deal.estimated_value?.currency ?? 'EUR',
    ...(deal.title ? { reference: deal.title } : {}),
    raw: toJsonObject({ deal, quotation }),
  };
}
