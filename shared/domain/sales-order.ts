import { z } from 'zod';
import { Address } from './address';
import { Customer } from './customer';
import { RawRecord, SourceRef } from './source-ref';

/**
 * One line of a sales document. Prices are per unit, before the line discount; `taxRate` is the
 * source's rate in percent. The rules and composite steps fill in the `target…` fields.
 */
export const SalesOrderLine = z.looseObject({
  sku: z.string().optional(),
  ean: z.string().optional(),
  description: z.string(),
  quantity: z.number(),
  unitPriceExcl: z.number(),
  unitPriceIncl: z.number(),
  taxRate: z.number().min(0).max(100),
  discountPercent: z.number().min(0).max(100).optional(),
  /** Set by the tax rules: the target's tax (Teamleader: a rate in percent; MplusKASSA: a VAT code). */
  targetTax: z.number().optional(),
  /** Set by the tax rules: Teamleader product category name / MplusKASSA turnover group. */
  revenueAccount: z.string().optional(),
  /** Set by "ensure products" for Teamleader: the product's id. */
  targetProductId: z.string().optional(),
  /** Set by "ensure products" for MplusKASSA: the article number. */
  articleNumber: z.number().int().optional(),
});
export type SalesOrderLine = z.infer<typeof SalesOrderLine>;

export const PaymentTerm = z.object({
  type: z.enum(['cash', 'afterInvoiceDate', 'endOfMonth']),
  days: z.number().int().min(0).optional(),
});
export type PaymentTerm = z.infer<typeof PaymentTerm>;

/** The customer record a "resolve customer" step found or created in the target system. */
export const CustomerRef = z.object({
  system: z.enum(['mplus', 'teamleader']),
  type: z.enum(['contact', 'company', 'relation']),
  id: z.string().min(1),
  /** Teamleader: the contact person linked to the company. */
  contactId: z.string().optional(),
  /** True when this is the default debtor (walk-in customers). */
  defaultDebtor: z.boolean().optional(),
});
export type CustomerRef = z.infer<typeof CustomerRef>;

/**
 * A sales document: an MplusKASSA order or invoice, a Teamleader invoice, quotation or won deal.
 * `number` is what people search by (business key `orderNumber`); `source.id` is what Koppel writes
 * into the target as its reference (Teamleader `purchase_order_number`, MplusKASSA `extOrderId`).
 */
export const SalesOrder = z.looseObject({
  source: SourceRef,
  kind: z.enum(['order', 'invoice', 'quotation', 'deal']),
  number: z.string().min(1),
  date: z.iso.date(),
  customer: Customer.nullable().optional(),
  billingAddress: Address.optional(),
  deliveryAddress: Address.optional(),
  lines: z.array(SalesOrderLine),
  shippingMethod: z.string().optional(),
  paymentMethod: z.string().optional(),
  paymentTerm: PaymentTerm.optional(),
  status: z.string().optional(),
  paid: z.boolean().optional(),
  totals: z.object({ excl: z.number(), incl: z.number(), tax: z.number() }),
  currency: z.string().default('EUR'),
  /** The source's free-text reference (MplusKASSA `reference`, Teamleader `purchase_order_number`). */
  reference: z.string().optional(),
  /** The id another system gave the document (MplusKASSA `extOrderId`). */
  externalId: z.string().optional(),
  payments: z.array(z.object({ method: z.string(), amount: z.number() })).optional(),
  /** MplusKASSA branch the sale was made at. */
  branch: z.number().int().optional(),
  customerRef: CustomerRef.optional(),
  raw: RawRecord.optional(),
});
export type SalesOrder = z.infer<typeof SalesOrder>;
