import { createHash } from 'node:crypto';
import type {
  WireArticle,
  WireArticleStock,
  WireBranch,
  WireChangedArticleGroup,
  WireDeliveryMethod,
  WireEmployee,
  WireInvoice,
  WireOrder,
  WireOrderCategory,
  WirePaymentMethod,
  WireProduct,
  WireRelation,
  WireTurnoverGroup,
  WireVatGroup,
} from '../../generated/wire-types';
import { SyncIndex } from './sync-index';

/**
 * The twin's whole state, kept in wire shapes (cents, unscaled quantities, date structs, WSDL
 * element names) so records serialise to SOAP and to the admin API unchanged. TwinData is the
 * JSON-serialisable form (persisted to the state file); TwinState adds the indexes.
 */

export const SYNC_FAMILIES = [
  'article',
  'articleGroup',
  'relation',
  'employee',
  'invoice',
  'receipt',
  'order',
] as const;
export type SyncFamily = (typeof SYNC_FAMILIES)[number];
export type TwinSize = 'small' | 'medium' | 'large';

/** An article group as stored: the flat ChangedArticleGroup shape (subGroupNumbers are derived). */
export type StoredArticleGroup = Omit<
  WireChangedArticleGroup,
  'subGroupNumbers' | 'syncMarker' | 'parentGroupNumber'
> & {
  parentGroupNumber: number;
  syncMarker: number;
  productNumbers: { number: number[] };
};

export interface TwinCounters {
  markers: Record<SyncFamily, number>;
  stockId: number;
  productNumber: number;
  articleNumber: number;
  relationNumber: number;
  groupNumber: number;
  /** Sequence for generated ids (orderId, invoiceId, lineId, paymentId). */
  id: number;
  /** Last order / invoice number per year. */
  orderNumbers: Record<string, number>;
  invoiceNumbers: Record<string, number>;
}

export interface TwinData {
  format: 'koppel-mplus-twin@1';
  seed: number;
  size: TwinSize;
  counters: TwinCounters;
  branches: WireBranch[];
  employees: WireEmployee[];
  vatGroups: WireVatGroup[];
  turnoverGroups: WireTurnoverGroup[];
  paymentMethods: WirePaymentMethod[];
  deliveryMethods: WireDeliveryMethod[];
  orderCategories: WireOrderCategory[];
  articleGroups: StoredArticleGroup[];
  products: WireProduct[];
  stock: WireArticleStock[];
  relations: WireRelation[];
  orders: WireOrder[];
  invoices: WireInvoice[];
  /** Stored answers of idempotent writes, keyed `operation idempotencyKey`. */
  idempotency: { key: string; response: Record<string, unknown> }[];
}

export const stockKey = (branchNumber: number, articleNumber: number): string =>
  `${branchNumber}:${articleNumber}`;

export class TwinState {
  readonly seed: number;
  readonly size: TwinSize;
  readonly counters: TwinCounters;
  readonly reference: Pick<
    TwinData,
    'vatGroups' | 'turnoverGroups' | 'paymentMethods' | 'deliveryMethods' | 'orderCategories'
  >;
  readonly branches = new Map<number, WireBranch>();
  readonly employees = new Map<number, WireEmployee>();
  readonly groups = new Map<number, StoredArticleGroup>();
  readonly products = new Map<number, WireProduct>();
  readonly articles = new Map<number, { product: WireProduct; article: WireArticle }>();
  readonly stock = new Map<string, WireArticleStock>();
  readonly relations = new Map<number, WireRelation>();
  readonly orders = new Map<string, WireOrder>();
  readonly ordersByExtId = new Map<string, WireOrder>();
  readonly invoices = new Map<string, WireInvoice>();
  readonly invoicesByExtId = new Map<string, WireInvoice>();
  readonly idempotency = new Map<string, Record<string, unknown>>();
  readonly sync = {
    article: new SyncIndex<number>(),
    articleGroup: new SyncIndex<number>(),
    relation: new SyncIndex<number>(),
    employee: new SyncIndex<number>(),
    order: new SyncIndex<string>(),
    invoice: new SyncIndex<string>(),
  };

  constructor(data: TwinData) {
    this.seed = data.seed;
    this.size = data.size;
    this.counters = data.counters;
    this.reference = {
      vatGroups: data.vatGroups,
      turnoverGroups: data.turnoverGroups,
      paymentMethods: data.paymentMethods,
      deliveryMethods: data.deliveryMethods,
      orderCategories: data.orderCategories,
    };
    for (const branch of data.branches) this.branches.set(branch.branchNumber, branch);
    // Re-index in marker order so each SyncIndex receives increasing markers.
    const byMarker = <T extends { syncMarker?: number }>(items: T[]): T[] =>
      [...items].sort((a, b) => (a.syncMarker ?? 0) - (b.syncMarker ?? 0));
    for (const employee of byMarker(data.employees)) this.putEmployee(employee);
    for (const group of byMarker(data.articleGroups)) this.putGroup(group);
    for (const product of data.products) this.putProduct(product, false);
    const articles = [...this.articles.values()].map((entry) => entry.article);
    for (const article of byMarker(articles))
      this.sync.article.touch(article.articleNumber ?? 0, article.syncMarker ?? 0);
    for (const stock of data.stock)
      this.stock.set(stockKey(stock.branchNumber ?? 0, stock.articleNumber), stock);
    for (const relation of byMarker(data.relations)) this.putRelation(relation);
    for (const order of byMarker(data.orders)) this.putOrder(order);
    for (const invoice of byMarker(data.invoices)) this.putInvoice(invoice);
    for (const entry of data.idempotency) this.idempotency.set(entry.key, entry.response);
  }

  /** The next syncMarker of a family (every create or change takes one). */
  nextMarker(family: SyncFamily): number {
    this.counters.markers[family] += 1;
    return this.counters.markers[family];
  }

  nextStockId(): number {
    this.counters.stockId += 1;
    return this.counters.stockId;
  }

  /** A deterministic 32-hex id (the shape of Mplus orderIds), unique within this twin. */
  nextHexId(kind: string): string {
    this.counters.id += 1;
    return createHash('md5').update(`${this.seed}:${kind}:${this.counters.id}`).digest('hex');
  }

  /** A deterministic dashed UUID (the shape of Mplus invoiceIds). */
  nextUuid(kind: string): string {
    const hex = this.nextHexId(kind);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  putEmployee(employee: WireEmployee): void {
    const number = employee.employeeNumber ?? 0;
    this.employees.set(number, employee);
    this.sync.employee.touch(number, employee.syncMarker ?? this.nextMarker('employee'));
  }

  putGroup(group: StoredArticleGroup): void {
    this.groups.set(group.groupNumber, group);
    this.sync.articleGroup.touch(group.groupNumber, group.syncMarker);
  }

  /** Stores a product and indexes its articles; `touch` gives changed articles their new markers first. */
  putProduct(product: WireProduct, touch = true): void {
    const number = product.productNumber ?? 0;
    this.products.set(number, product);
    for (const article of product.articleList?.article ?? []) {
      this.articles.set(article.articleNumber ?? 0, { product, article });
      if (touch) this.sync.article.touch(article.articleNumber ?? 0, article.syncMarker ?? 0);
    }
  }

  /** Gives an article the next article marker (after any change to it or its product). */
  touchArticle(product: WireProduct, article: WireArticle): void {
    article.syncMarker = this.nextMarker('article');
    product.syncMarker = article.syncMarker;
    this.articles.set(article.articleNumber ?? 0, { product, article });
    this.sync.article.touch(article.articleNumber ?? 0, article.syncMarker);
  }

  putRelation(relation: WireRelation): void {
    const number = relation.relationNumber ?? 0;
    this.relations.set(number, relation);
    this.sync.relation.touch(number, relation.syncMarker ?? 0);
  }

  putOrder(order: WireOrder): void {
    this.orders.set(order.orderId, order);
    if (order.extOrderId) this.ordersByExtId.set(order.extOrderId, order);
    this.sync.order.touch(order.orderId, order.syncMarker ?? 0);
  }

  putInvoice(invoice: WireInvoice): void {
    const id = invoice.invoiceId ?? '';
    this.invoices.set(id, invoice);
    if (invoice.extInvoiceId) this.invoicesByExtId.set(invoice.extInvoiceId, invoice);
    this.sync.invoice.touch(id, invoice.syncMarker ?? 0);
  }

  /** The JSON-serialisable snapshot (for the state file). */
  toData(): TwinData {
    return {
      format: 'koppel-mplus-twin@1',
      seed: this.seed,
      size: this.size,
      counters: this.counters,
      branches: [...this.branches.values()],
      employees: [...this.employees.values()],
      ...this.reference,
      articleGroups: [...this.groups.values()],
      products: [...this.products.values()],
      stock: [...this.stock.values()],
      relations: [...this.relations.values()],
      orders: [...this.orders.values()],
      invoices: [...this.invoices.values()],
      idempotency: [...this.idempotency].map(([key, response]) => ({ key, response })),
    };
  }
}
