import type { TeamleaderOperation } from '../operations';
import type { TeamleaderRequest } from '../schemas';
import type { Prng } from '../../seeded-prng';
import type { EntityRecord, EntityType, TwinState } from './state';
import { isoDateTime } from './time';

/** A refusal the way the API words it: `{errors:[{title, status, meta:{field}}]}`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly field?: string,
  ) {
    super(title);
  }
}

export type HandlerResult =
  { status: 200; body: unknown } | { status: 201; type: string; id: string } | { status: 204 };

/** What a handler may touch. Handlers are synchronous: a write happens entirely or not at all. */
export interface TwinContext {
  readonly state: TwinState;
  now(): number;
  /** A new record id (PRNG-based while seeding, random otherwise). */
  newId(): string;
  readonly prng: Prng;
  /** Queues a webhook event (`contact.added`, …) for delivery after the answer. */
  emit(event: string, subject: { type: string; id: string }): void;
}

export type Handler<O extends TeamleaderOperation> = (
  ctx: TwinContext,
  body: TeamleaderRequest<O>,
) => HandlerResult;
export type HandlerTable = { [O in TeamleaderOperation]?: Handler<O> };

export const ok = (body: unknown): HandlerResult => ({ status: 200, body });
export const created = (type: string, id: string): HandlerResult => ({ status: 201, type, id });
export const noContent = (): HandlerResult => ({ status: 204 });

/** Removes a key from a record map (state maps are plain objects so they serialise as JSON). */
export function removeKey(map: Record<string, unknown>, key: string): void {
  Reflect.deleteProperty(map, key);
}

export const ref = <T extends string>(type: T, id: string): { type: T; id: string } => ({ type, id });

export const nowIso = (ctx: TwinContext): string => isoDateTime(ctx.now());

const LABELS: Record<EntityType, string> = {
  departments: 'Department',
  users: 'User',
  customFieldDefinitions: 'Custom field definition',
  taxRates: 'Tax rate',
  withholdingTaxRates: 'Withholding tax rate',
  paymentTerms: 'Payment term',
  paymentMethods: 'Payment method',
  unitsOfMeasure: 'Unit of measure',
  priceLists: 'Price list',
  productCategories: 'Product category',
  businessTypes: 'Business type',
  products: 'Product',
  contacts: 'Contact',
  companies: 'Company',
  dealPipelines: 'Deal pipeline',
  dealPhases: 'Deal phase',
  dealSources: 'Deal source',
  lostReasons: 'Lost reason',
  deals: 'Deal',
  quotations: 'Quotation',
  orders: 'Order',
  invoices: 'Invoice',
};

/** The record an operation is about (`id`): 404 when unknown, as the API answers `*.info`. */
export function findOr404<T extends EntityType>(ctx: TwinContext, type: T, id: string): EntityRecord<T> {
  const record = ctx.state.records[type][id];
  if (!record) throw new ApiFailure(404, `${LABELS[type]} with id ${id} not found`, 'id');
  return record;
}

/** A record a body refers to (`department_id`, …): 400 naming the field when unknown. */
export function findOr400<T extends EntityType>(
  ctx: TwinContext,
  type: T,
  id: string,
  field: string,
): EntityRecord<T> {
  const record = ctx.state.records[type][id];
  if (!record)
    throw new ApiFailure(400, `${field} refers to an unknown ${LABELS[type].toLowerCase()} (${id})`, field);
  return record;
}

/** A customer reference `{type: contact|company, id}`. */
export function findCustomer(ctx: TwinContext, customer: { type: string; id: string }, field: string) {
  if (customer.type === 'contact')
    return { type: 'contact' as const, record: findOr400(ctx, 'contacts', customer.id, `${field}.id`) };
  if (customer.type === 'company')
    return { type: 'company' as const, record: findOr400(ctx, 'companies', customer.id, `${field}.id`) };
  throw new ApiFailure(400, `${field}.type must be contact or company`, `${field}.type`);
}

export function customerName(ctx: TwinContext, customer: { type: string; id: string }): string {
  if (customer.type === 'company') return ctx.state.records.companies[customer.id]?.name ?? '';
  const contact = ctx.state.records.contacts[customer.id];
  return [contact?.first_name, contact?.last_name].filter(Boolean).join(' ');
}

/** `page: {size, number}`: default 20, at most 100, 1-based. */
export function pageOf<T>(items: readonly T[], page: { size?: number; number?: number } | undefined): T[] {
  const size = page?.size ?? 20;
  const number = page?.number ?? 1;
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw new ApiFailure(400, 'page.size must be an integer between 1 and 100', 'page.size');
  }
  if (!Number.isInteger(number) || number < 1)
    throw new ApiFailure(400, 'page.number must be 1 or more', 'page.number');
  return items.slice((number - 1) * size, number * size);
}

/**
 * `items` in the order `sort` asks for. `byDefault` is the operation's documented default (the
 * spec's `default` of the sort field and order, e.g. invoices by `invoice_number desc`): it applies
 * when `sort` is left out, and its order when an entry leaves `order` out. Without one, `sort`
 * left out keeps the stored order and an entry without `order` is ascending.
 */
export function sortItems<T>(
  items: T[],
  sort: readonly { field: string; order?: string }[] | undefined,
  keys: Record<string, (item: T) => string | number | null | undefined>,
  byDefault?: { field: string; order: 'asc' | 'desc' },
): T[] {
  const wanted = sort && sort.length > 0 ? sort : byDefault ? [byDefault] : [];
  if (wanted.length === 0) return items;
  return [...items].sort((a, b) => {
    for (const { field, order = byDefault?.order ?? 'asc' } of wanted) {
      const key = keys[field];
      if (!key) throw new ApiFailure(400, `sort field ${field} is not supported`, 'sort.field');
      const x = key(a) ?? '';
      const y = key(b) ?? '';
      const cmp = x < y ? -1 : x > y ? 1 : 0;
      if (cmp !== 0) return order === 'desc' ? -cmp : cmp;
    }
    return 0;
  });
}

/** `filter.updated_since` (inclusive); 400 when it is not a datetime. */
export function updatedSince(value: string | undefined, field = 'filter.updated_since'): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ApiFailure(400, `${field} must be an ISO 8601 datetime`, field);
  // Teamleader stores seconds: compare at that precision.
  return Math.floor(ms / 1000) * 1000;
}

export function isOnOrAfter(timestamp: string | null | undefined, since: number | undefined): boolean {
  return since === undefined || (typeof timestamp === 'string' && Date.parse(timestamp) >= since);
}

export function includesOf(includes: string | undefined): Set<string> {
  return new Set(
    (includes ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function textMatches(term: string | undefined, ...values: (string | null | undefined)[]): boolean {
  if (!term) return true;
  const needle = term.toLowerCase();
  return values.some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}

export function checkDate(value: string | null | undefined, field: string): void {
  if (value === undefined || value === null) return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new ApiFailure(400, `${field} must be a date (YYYY-MM-DD)`, field);
  }
}

export function webUrl(page: string, id: string): string {
  return `https://focus.teamleader.eu/${page}?id=${id}`;
}
