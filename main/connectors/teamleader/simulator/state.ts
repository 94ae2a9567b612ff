import type { TeamleaderOperation } from '../operations';
import type { TeamleaderData, TeamleaderListItem } from '../schemas';

/**
 * Every record type the twin stores, named as the API's resources, with the operation whose answer
 * shape the record is kept in. Records are stored exactly as `*.info` (or, for lookups without an
 * info call, as one `*.list` item) shows them, so the admin API can hand them out unchanged.
 */
export const ENTITY_SHAPES = {
  departments: { op: 'departments.info', shape: 'info' },
  users: { op: 'users.info', shape: 'info' },
  customFieldDefinitions: { op: 'customFieldDefinitions.info', shape: 'info' },
  taxRates: { op: 'taxRates.list', shape: 'item' },
  withholdingTaxRates: { op: 'withholdingTaxRates.list', shape: 'item' },
  paymentTerms: { op: 'paymentTerms.list', shape: 'item' },
  paymentMethods: { op: 'paymentMethods.list', shape: 'item' },
  unitsOfMeasure: { op: 'unitsOfMeasure.list', shape: 'item' },
  priceLists: { op: 'priceLists.list', shape: 'item' },
  productCategories: { op: 'productCategories.list', shape: 'item' },
  businessTypes: { op: 'businessTypes.list', shape: 'item' },
  products: { op: 'products.info', shape: 'info' },
  contacts: { op: 'contacts.info', shape: 'info' },
  companies: { op: 'companies.info', shape: 'info' },
  dealPipelines: { op: 'dealPipelines.list', shape: 'item' },
  dealPhases: { op: 'dealPhases.list', shape: 'item' },
  dealSources: { op: 'dealSources.list', shape: 'item' },
  lostReasons: { op: 'lostReasons.list', shape: 'item' },
  deals: { op: 'deals.info', shape: 'info' },
  quotations: { op: 'quotations.info', shape: 'info' },
  orders: { op: 'orders.info', shape: 'info' },
  invoices: { op: 'invoices.info', shape: 'info' },
} as const satisfies Record<string, { op: TeamleaderOperation; shape: 'info' | 'item' }>;

export type EntityType = keyof typeof ENTITY_SHAPES;

export const ENTITY_TYPES = Object.keys(ENTITY_SHAPES).filter(
  (key): key is EntityType => key in ENTITY_SHAPES,
);

type ShapeOf<T extends EntityType> = (typeof ENTITY_SHAPES)[T] extends {
  op: infer O extends TeamleaderOperation;
  shape: 'info';
}
  ? TeamleaderData<O>
  : (typeof ENTITY_SHAPES)[T] extends { op: infer O extends TeamleaderOperation; shape: 'item' }
    ? TeamleaderListItem<O>
    : never;

/** A stored record of one type (its API answer shape). */
export type EntityRecord<T extends EntityType> = ShapeOf<T> & { id: string };

export type Records = { [T in EntityType]: Record<string, EntityRecord<T>> };

export interface WebhookRegistration {
  url: string;
  types: string[];
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  expiresAt: number;
}

export interface AccessGrant {
  clientId: string;
  expiresAt: number;
}

/** Everything the twin persists (the whole `stateFile`). */
export interface TwinState {
  version: 1;
  seed: number;
  size: TwinSize;
  accountId: string;
  /** The user who authorised the integration (`users.me`). */
  currentUserId: string;
  defaultPaymentTermId: string;
  defaultPipelineId: string;
  /** Deal phase id → its pipeline id (the phase's API shape does not carry it). */
  dealPhasePipelines: Record<string, string>;
  /** PRNG position for `_sandbox/generate`, so generated records continue the seeded sequence. */
  prngPosition: number;
  /** Sequence numbers: invoices per `department/year`, deals per year, names of generated records. */
  counters: Record<string, number>;
  records: Records;
  webhooks: WebhookRegistration[];
  auth: {
    codes: Record<string, AuthCode>;
    accessTokens: Record<string, AccessGrant>;
    /** refresh token → client id; a used refresh token is deleted (single use). */
    refreshTokens: Record<string, string>;
  };
}

export type TwinSize = 'small' | 'medium' | 'large';

export function emptyRecords(): Records {
  return {
    departments: {},
    users: {},
    customFieldDefinitions: {},
    taxRates: {},
    withholdingTaxRates: {},
    paymentTerms: {},
    paymentMethods: {},
    unitsOfMeasure: {},
    priceLists: {},
    productCategories: {},
    businessTypes: {},
    products: {},
    contacts: {},
    companies: {},
    dealPipelines: {},
    dealPhases: {},
    dealSources: {},
    lostReasons: {},
    deals: {},
    quotations: {},
    orders: {},
    invoices: {},
  };
}
