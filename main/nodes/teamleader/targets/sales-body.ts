import { roundTo } from '../../../../shared/domain/product';
import type { SalesOrder } from '../../../../shared/domain/sales-order';
import type { TeamleaderSalesTargetConfig } from '../../../../shared/nodes/teamleader/targets';
import { runMessage } from '../../../../shared/flow/run-messages';
import { permanentError } from '../../../engine/errors';
import { currencyOf } from '../convert/product';
import type { TeamleaderReference } from '../reference';

const EXPECTED_METHODS = ['cash', 'cheque', 'bankers_draft', 'bank_transfer', 'payment_card'] as const;
type ExpectedMethod = (typeof EXPECTED_METHODS)[number];

export interface LineItem {
  quantity: number;
  description: string;
  unit_price: { amount: number; tax: 'excluding' };
  tax_rate_id: string;
  product_id?: string;
  product_category_id?: string;
  discount?: { value: number; type: 'percentage' };
}

export interface InvoiceBody {
  invoicee: {
    customer: { type: 'contact' | 'company'; id: string };
    for_attention_of?: { contact_id: string };
  };
  department_id: string;
  payment_term: { type: 'cash' } | { type: 'after_invoice_date' | 'end_of_month'; days: number };
  currency: { code: ReturnType<typeof currencyOf>; exchange_rate: number };
  invoice_date: string;
  purchase_order_number: string;
  grouped_lines: { section: { title: string }; line_items: LineItem[] }[];
  expected_payment_method?: { method: ExpectedMethod };
  note: string;
}

/** The Teamleader customer a "resolve customer" step put on the order; without it the target cannot write. */
export function customerOf(order: SalesOrder): {
  type: 'contact' | 'company';
  id: string;
  contactId?: string;
} {
  const ref = order.customerRef;
  if (ref?.system !== 'teamleader' || (ref.type !== 'contact' && ref.type !== 'company')) {
    throw permanentError(
      runMessage('teamleaderOrderNoCustomer', { kind: order.kind, number: order.number }),
      {
        code: 'no_customer',
        field: 'customerRef',
      },
    );
  }
  return { type: ref.type, id: ref.id, ...(ref.contactId ? { contactId: ref.contactId } : {}) };
}

/** The line items: net unit prices, the department's tax rate per line, product and revenue category. */
export async function lineItems(
  order: SalesOrder,
  departmentId: string,
  reference: TeamleaderReference,
  withCategories: boolean,
  /** Invoices keep unit prices to 4 decimals; quotations store them as money (2 decimals). */
  priceDecimals = 4,
): Promise<LineItem[]> {
  const items: LineItem[] = [];
  for (const [index, line] of order.lines.entries()) {
    const where = { kind: order.kind, number: order.number, line: index + 1 };
    const taxRateId = await reference.taxRateId(departmentId, line.targetTax ?? line.taxRate, where);
    let categoryId: string | undefined;
    if (withCategories && line.revenueAccount) {
      categoryId = await reference.categoryId(line.revenueAccount);
      if (!categoryId) {
        throw permanentError(
          runMessage('teamleaderUnknownCategory', { ...where, category: line.revenueAccount }),
          {
            code: 'unknown_category',
            field: 'revenueAccount',
            value: line.revenueAccount,
          },
        );
      }
    }
    items.push({
      quantity: line.quantity,
      description: line.description || line.sku || 'Item',
      unit_price: { amount: roundTo(line.unitPriceExcl, priceDecimals), tax: 'excluding' },
      tax_rate_id: taxRateId,
      ...(line.targetProductId ? { product_id: line.targetProductId } : {}),
      ...(categoryId ? { product_category_id: categoryId } : {}),
      ...(line.discountPercent
        ? { discount: { value: line.discountPercent, type: 'percentage' as const } }
        : {}),
    });
  }
  return items;
}

function paymentTerm(order: SalesOrder, config: TeamleaderSalesTargetConfig): InvoiceBody['payment_term'] {
  const term = order.paymentTerm ?? config.paymentTerm;
  if (term.type === 'cash') return { type: 'cash' };
  return { type: term.type === 'endOfMonth' ? 'end_of_month' : 'after_invoice_date', days: term.days ?? 0 };
}

/** invoices.draft for a canonical sales order; Koppel's reference goes into purchase_order_number. */
export async function invoiceBody(
  order: SalesOrder,
  reference: string,
  departmentId: string,
  lookups: TeamleaderReference,
  config: TeamleaderSalesTargetConfig,
): Promise<InvoiceBody> {
  const customer = customerOf(order);
  const method = EXPECTED_METHODS.find((candidate) => candidate === order.paymentMethod);
  return {
    invoicee: {
      customer: { type: customer.type, id: customer.id },
      ...(customer.type === 'company' && customer.contactId
        ? { for_attention_of: { contact_id: customer.contactId } }
        : {}),
    },
    department_id: departmentId,
    payment_term: paymentTerm(order, config),
    currency: { code: currencyOf(order.currency), exchange_rate: 1 },
    invoice_date: order.date,
    purchase_order_number: reference,
    grouped_lines: [
      { section: { title: '' }, line_items: await lineItems(order, departmentId, lookups, true) },
    ],
    ...(method ? { expected_payment_method: { method } } : {}),
    note: `${order.source.system === 'mplus' ? 'MplusKASSA' : 'Teamleader'} ${order.kind} ${order.number}`,
  };
}
