import type http from 'node:http';
import { z } from 'zod';
import { MplusTwinFaults, type FaultInjector } from './faults';
import { changedGroup } from './handlers/article-groups';
import { generateInvoices, generatePosOrders, generateProducts, generateRelations } from './seed/generators';
import { Prng } from '../../seeded-prng';
import type { TwinSize, TwinState } from './state/twin-state';

/**
 * `/_sandbox/…`, the same shape as the Teamleader twin's: `GET entities/<type>` (records with the
 * WSDL's element names, wire values), `POST reset {seed?}`, `POST generate {type, count}`,
 * `POST faults {…}` (`GET faults` shows them), `GET stats`.
 */

export const ENTITY_TYPES = [
  'products',
  'articles',
  'articleGroups',
  'stock',
  'relations',
  'orders',
  'invoices',
  'employees',
  'branches',
  'vatGroups',
  'turnoverGroups',
  'paymentMethods',
  'deliveryMethods',
  'orderCategories',
] as const;

export const GENERATE_TYPES = ['products', 'articles', 'relations', 'orders', 'invoices'] as const;

const ResetBody = z.strictObject({
  seed: z.number().int().optional(),
  size: z.enum(['small', 'medium', 'large']).optional(),
});
const GenerateBody = z.strictObject({
  type: z.enum(GENERATE_TYPES),
  count: z.number().int().min(1).max(1_000_000),
});

export interface AdminDeps {
  state(): TwinState;
  reset(seed: number | undefined, size: TwinSize | undefined): void;
  readonly faults: FaultInjector;
  readonly calls: Map<string, number>;
  now(): number;
  onWrite(): void;
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function parseBody<T>(schema: z.ZodType<T>, body: string, res: http.ServerResponse): T | undefined {
  let raw: unknown = {};
  if (body.trim() !== '') {
    try {
      raw = JSON.parse(body);
    } catch {
      json(res, 400, { error: 'The body is not JSON.' });
      return undefined;
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    json(res, 400, { error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` });
    return undefined;
  }
  return parsed.data;
}

function entities(state: TwinState, type: (typeof ENTITY_TYPES)[number]): unknown[] {
  switch (type) {
    case 'products':
      return [...state.products.values()];
    case 'articles':
      return [...state.articles.values()].map(({ product, article }) => ({
        ...article,
        productNumber: product.productNumber,
      }));
    case 'articleGroups':
      return [...state.groups.values()].map((group) => changedGroup(state, group));
    case 'stock':
      return [...state.stock.values()];
    case 'relations':
      return [...state.relations.values()];
    case 'orders':
      return [...state.orders.values()];
    case 'invoices':
      return [...state.invoices.values()];
    case 'employees':
      return [...state.employees.values()];
    case 'branches':
      return [...state.branches.values()];
    default:
      return state.reference[type];
  }
}

export function handleAdminRequest(
  method: string,
  route: string,
  body: string,
  res: http.ServerResponse,
  deps: AdminDeps,
): void {
  const entityMatch = /^\/entities\/([A-Za-z]+)$/.exec(route);
  if (method === 'GET' && entityMatch) {
    const type = ENTITY_TYPES.find((t) => t === entityMatch[1]);
    if (!type)
      return json(res, 404, {
        error: `Unknown entity type "${entityMatch[1]}"; known: ${ENTITY_TYPES.join(', ')}`,
      });
    return json(res, 200, entities(deps.state(), type));
  }
  if (method === 'GET' && (route === '' || route === '/')) {
    return json(res, 200, {
      entities: ENTITY_TYPES,
      generate: GENERATE_TYPES,
      endpoints: ['entities/<type>', 'reset', 'generate', 'faults', 'stats'],
    });
  }
  if (method === 'POST' && route === '/reset') {
    const input = parseBody(ResetBody, body, res);
    if (!input) return;
    deps.reset(input.seed, input.size);
    deps.calls.clear();
    deps.faults.clear();
    deps.onWrite();
    return json(res, 200, { seed: deps.state().seed, size: deps.state().size });
  }
  if (method === 'POST' && route === '/generate') {
    const input = parseBody(GenerateBody, body, res);
    if (!input) return;
    const state = deps.state();
    const rng = new Prng((state.seed * 31 + state.counters.id + state.counters.markers.article) >>> 0);
    const now = deps.now();
    const articlesBefore = state.articles.size;
    let created: (number | string)[];
    try {
      if (input.type === 'products') created = generateProducts(state, rng, { products: input.count }, now);
      else if (input.type === 'articles')
        created = generateProducts(state, rng, { articles: input.count }, now);
      else if (input.type === 'relations') created = generateRelations(state, rng, input.count, now);
      else if (input.type === 'orders') created = generatePosOrders(state, rng, input.count, now, 1);
      else created = generateInvoices(state, rng, input.count, now, 1);
    } catch (error) {
      return json(res, 409, { error: error instanceof Error ? error.message : String(error) });
    }
    deps.onWrite();
    // For `articles`, count articles (a product holds one or more of them); otherwise records.
    const count = input.type === 'articles' ? state.articles.size - articlesBefore : created.length;
    return json(res, 200, { type: input.type, count, ...(created.length <= 1000 ? { ids: created } : {}) });
  }
  if (route === '/faults') {
    if (method === 'GET') return json(res, 200, deps.faults.current);
    if (method === 'POST') {
      const input = parseBody(MplusTwinFaults, body, res);
      if (!input) return;
      deps.faults.set(input);
      return json(res, 200, input);
    }
  }
  if (method === 'GET' && route === '/stats') {
    return json(res, 200, { calls: Object.fromEntries(deps.calls), faults: deps.faults.count });
  }
  json(res, 404, { error: `No sandbox endpoint ${method} /_sandbox${route}` });
}
