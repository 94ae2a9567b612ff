import type { FlowDocument } from '../../../shared/flow/flow-document';

/**
 * The fields golden tests read from the twins' admin API (`/_sandbox/entities/<type>`): MplusKASSA
 * records in wire values (cents, unscaled quantities), Teamleader records in their `.info` shape.
 */
export interface WireLine {
  articleNumber: number;
  text?: string;
  data: {
    quantity: number;
    decimalPlaces?: number;
    price: number;
    vatCode?: number;
    vatPercentage?: number;
    discountPercentage?: number;
  };
}
export interface WireOrder {
  orderId: string;
  extOrderId?: string;
  relationNumber?: number;
  employeeNumber?: number;
  entryBranchNumber?: number;
  vatMethod?: string;
  fullyPaid?: boolean;
  invoiceIds?: { id?: string[] };
  totalExclAmount?: number;
  totalInclAmount?: number;
  transactionString?: string;
  reference?: string;
  lineList?: { line?: WireLine[] };
}
export interface WireRelation {
  relationNumber: number;
  name?: string;
  companyName?: string;
  contact?: string;
  email?: string;
  telephone?: string;
  address?: string;
  zipcode?: string;
  city?: string;
  country?: string;
  vatNumber?: string;
}
export interface WireArticle {
  articleNumber: number;
  extArticleId?: string;
  productNumber: number;
  description?: string;
  invoiceText?: string;
  receiptText?: string;
  extraText?: string;
  barcode?: string;
  priceExcl?: number;
  priceIncl?: number;
  vatCode?: number;
  vatPercentage?: number;
}
export interface WireStock {
  branchNumber: number;
  articleNumber: number;
  amountFree: number;
  decimalPlacesFree?: number;
}
export interface WireGroup {
  groupNumber: number;
  parentGroupNumber?: number;
  name: string;
  text?: string;
  isDeleted?: boolean;
}

export interface TlRef {
  type: string;
  id: string;
}
export interface TlLine {
  product: TlRef | null;
  quantity: number;
  description: string;
  unit_price: { amount: number };
  tax: TlRef;
  discount: { value: number } | null;
  product_category?: TlRef | null;
}
export interface TlInvoice {
  id: string;
  status: string;
  invoice_number: string | null;
  purchase_order_number: string | null;
  invoicee: { customer: TlRef; for_attention_of: { contact: TlRef | null } | null };
  grouped_lines: { line_items: TlLine[] }[];
  total: {
    tax_exclusive: { amount: number };
    tax_inclusive: { amount: number };
    payable?: { amount: number };
  };
}
export interface TlAddress {
  type: string;
  address: { line_1: string | null; postal_code: string | null; city: string | null; country: string };
}
export interface TlContact {
  id: string;
  first_name: string | null;
  last_name: string;
  emails: { type: string; email: string }[];
  telephones: { type: string; number: string }[];
  addresses: TlAddress[];
  companies: { company: TlRef }[];
}
export interface TlCompany {
  id: string;
  name: string;
  vat_number: string | null;
  emails: { type: string; email: string }[];
  telephones: { type: string; number: string }[];
  addresses: TlAddress[];
}
export interface TlProduct {
  id: string;
  code: string | null;
  name: string | null;
  description: string | null;
  selling_price: { amount: number } | null;
  tax: TlRef | null;
  stock?: { amount: number } | null;
  product_category: TlRef | null;
  custom_fields: { definition: TlRef; value: unknown }[];
}
export interface TlDeal {
  id: string;
  title: string;
  lead: { customer: TlRef };
  quotations: TlRef[];
}
export interface TlQuotation {
  id: string;
  deal: TlRef;
  grouped_lines: { line_items: TlLine[] }[];
}

/** The decimal quantity of a wire line. */
export const quantityOf = (line: WireLine): number =>
  line.data.quantity / 10 ** (line.data.decimalPlaces ?? 0);

/** A node's config in a template, by node id. */
export function nodeConfig(flow: FlowDocument, id: string): Record<string, unknown> {
  const node = flow.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`Template ${flow.id} has no node "${id}".`);
  return node.config;
}

/** Edits a node's config in a flow (tests switch settings the way users do). */
export function setConfig(flow: FlowDocument, id: string, change: Record<string, unknown>): void {
  const node = flow.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`Flow ${flow.id} has no node "${id}".`);
  node.config = { ...node.config, ...change };
}

export const byId = <T extends { id: string }>(records: readonly T[]): Map<string, T> =>
  new Map(records.map((record) => [record.id, record]));

export const primaryEmail = (emails: readonly { type: string; email: string }[]): string | undefined =>
  (emails.find((e) => e.type === 'primary') ?? emails[0])?.email.toLowerCase();
