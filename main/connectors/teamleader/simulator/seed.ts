import type { TwinContext } from './context';
import {
  createPool,
  generateCompany,
  generateContact,
  generateDeal,
  generateInvoice,
  generateProduct,
  generateQuotation,
  seedOrder,
} from './generators';
import { Prng } from '../../seeded-prng';
import { seedLookups } from './seed-lookups';
import { emptyRecords, type TwinSize, type TwinState } from './state';

export { createPool, GENERATED_TYPES, GENERATORS, type GeneratedType, type Pool } from './generators';

/** Records per type for each size: small is the default and fast; large has thousands. */
export const SIZES: Record<
  TwinSize,
  Record<
    | 'users'
    | 'categories'
    | 'products'
    | 'companies'
    | 'contacts'
    | 'deals'
    | 'quotations'
    | 'invoices'
    | 'orders',
    number
  >
> = {
  small: {
    users: 3,
    categories: 8,
    products: 40,
    companies: 20,
    contacts: 40,
    deals: 15,
    quotations: 10,
    invoices: 30,
    orders: 5,
  },
  medium: {
    users: 8,
    categories: 20,
    products: 400,
    companies: 200,
    contacts: 400,
    deals: 150,
    quotations: 100,
    invoices: 300,
    orders: 30,
  },
  large: {
    users: 20,
    categories: 40,
    products: 4000,
    companies: 2000,
    contacts: 4000,
    deals: 1500,
    quotations: 1000,
    invoices: 3000,
    orders: 200,
  },
};

/** Seeded records are dated from here on, so the same seed gives the same data on any day. */
const SEED_EPOCH = Date.UTC(2025, 0, 6, 8, 0, 0);
const SEED_SPAN_MS = 300 * 86_400_000;

/** A fresh account, the same for the same seed and size. */
export function seedState(seed: number, size: TwinSize): TwinState {
  const prng = new Prng(seed);
  const state: TwinState = {
    version: 1,
    seed,
    size,
    accountId: prng.uuid(),
    currentUserId: '',
    defaultPaymentTermId: '',
    defaultPipelineId: '',
    dealPhasePipelines: {},
    prngPosition: 0,
    counters: {},
    records: emptyRecords(),
    webhooks: [],
    auth: { codes: {}, accessTokens: {}, refreshTokens: {} },
  };
  seedLookups(state, prng, SIZES[size]);
  const counts = SIZES[size];
  const total =
    counts.companies +
    counts.contacts +
    counts.products +
    counts.deals +
    counts.quotations +
    counts.invoices +
    counts.orders;
  let clock = SEED_EPOCH;
  const ctx: TwinContext = {
    state,
    prng,
    now: () => clock,
    newId: () => prng.uuid(),
    emit: () => undefined,
  };
  const step = (): void => {
    clock += Math.floor(SEED_SPAN_MS / total) + prng.int(0, 60_000);
  };
  const run = (count: number, make: () => unknown): void => {
    for (let i = 0; i < count; i++) {
      step();
      make();
    }
  };
  const pool = createPool(state);
  run(counts.companies, () => generateCompany(ctx, pool));
  run(counts.contacts, () => generateContact(ctx, pool));
  run(counts.products, () => generateProduct(ctx, pool));
  run(counts.deals, () => generateDeal(ctx, pool));
  run(counts.quotations, () => generateQuotation(ctx, pool));
  run(counts.invoices, () => generateInvoice(ctx, pool));
  let orderNumber = 0;
  run(counts.orders, () => seedOrder(ctx, pool, ++orderNumber));
  state.prngPosition = prng.position;
  return state;
}
