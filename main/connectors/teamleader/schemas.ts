/**
 * Request and response types of the Teamleader operations, taken from the types generated from the
 * official spec (generated/teamleader-api.ts). Nothing here is hand-typed except the plumbing.
 */
import type { operations } from './generated/teamleader-api';
import type { TeamleaderOperation } from './operations';

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type EmptyBody = Record<string, never>;

/** The JSON body an operation accepts (`{}` for operations without parameters). */
export type TeamleaderRequest<O extends TeamleaderOperation> = operations[O] extends {
  requestBody?: infer R;
}
  ? [NonNullable<R>] extends [never]
    ? EmptyBody
    : JsonContent<NonNullable<R>>
  : EmptyBody;

type SuccessResponse<O extends TeamleaderOperation> = operations[O]['responses'] extends infer R
  ? R extends { 200: infer A }
    ? A
    : R extends { 201: infer B }
      ? B
      : never
  : never;

/** The JSON body an operation answers with (`undefined` for 204 operations). */
export type TeamleaderResponse<O extends TeamleaderOperation> = [JsonContent<SuccessResponse<O>>] extends [
  never,
]
  ? undefined
  : JsonContent<SuccessResponse<O>>;

/** The `data` member of an operation's answer. */
export type TeamleaderData<O extends TeamleaderOperation> =
  TeamleaderResponse<O> extends { data?: infer D } ? NonNullable<D> : never;

/** One item of a list operation's `data` array. */
export type TeamleaderListItem<O extends TeamleaderOperation> =
  TeamleaderData<O> extends readonly (infer Item)[] ? Item : never;

/** Operations whose request takes `page`, i.e. the ones that can be streamed page by page. */
export type PagedOperation = {
  [O in TeamleaderOperation]: TeamleaderRequest<O> extends { page?: unknown } ? O : never;
}[TeamleaderOperation];

/** `{type, id}` returned by every create operation (the client checks both are present). */
export type TeamleaderRef = Required<Pick<NonNullable<TeamleaderData<'contacts.add'>>, 'type' | 'id'>>;

export type Money = NonNullable<TeamleaderData<'products.info'>['selling_price']>;

export type User = TeamleaderData<'users.info'>;
export type CurrentUser = TeamleaderData<'users.me'>;
export type Department = TeamleaderData<'departments.info'>;
export type TaxRate = TeamleaderListItem<'taxRates.list'>;
export type WithholdingTaxRate = TeamleaderListItem<'withholdingTaxRates.list'>;
export type PaymentTerm = TeamleaderListItem<'paymentTerms.list'>;
export type PaymentMethod = TeamleaderListItem<'paymentMethods.list'>;
export type ProductCategory = TeamleaderListItem<'productCategories.list'>;
export type CustomFieldDefinition = TeamleaderData<'customFieldDefinitions.info'>;
export type Product = TeamleaderData<'products.info'>;
export type ProductListItem = TeamleaderListItem<'products.list'>;
export type Contact = TeamleaderData<'contacts.info'>;
export type ContactListItem = TeamleaderListItem<'contacts.list'>;
export type Company = TeamleaderData<'companies.info'>;
export type CompanyListItem = TeamleaderListItem<'companies.list'>;
export type DealPipeline = TeamleaderListItem<'dealPipelines.list'>;
export type DealPhase = TeamleaderListItem<'dealPhases.list'>;
export type Deal = TeamleaderData<'deals.info'>;
export type DealListItem = TeamleaderListItem<'deals.list'>;
export type Quotation = TeamleaderData<'quotations.info'>;
export type QuotationListItem = TeamleaderListItem<'quotations.list'>;
export type Order = TeamleaderData<'orders.info'>;
export type OrderListItem = TeamleaderListItem<'orders.list'>;
export type Invoice = TeamleaderData<'invoices.info'>;
export type InvoiceListItem = TeamleaderListItem<'invoices.list'>;
export type Webhook = TeamleaderListItem<'webhooks.list'>;
export type WebhookEventType = TeamleaderRequest<'webhooks.register'>['types'][number];
