import type { TeamleaderRequest } from '../../schemas';
import {
  ApiFailure,
  created,
  findOr400,
  findOr404,
  includesOf,
  isOnOrAfter,
  noContent,
  nowIso,
  ok,
  pageOf,
  ref,
  removeKey,
  textMatches,
  updatedSince,
  type HandlerTable,
  type TwinContext,
} from '../context';
import { ACCOUNT_CURRENCY, money, type MoneyValue } from '../money';
import type { EntityRecord } from '../state';
import { readCustomFields, updatedCustomFields } from './fields';

type Product = EntityRecord<'products'>;

function listView(product: Product) {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    code: product.code,
    unit: product.unit,
    added_at: product.added_at,
    updated_at: product.updated_at,
    stock: product.stock,
    configuration: product.configuration,
  };
}

function price(value: MoneyValue | null | undefined, field: string, accountOnly: boolean): MoneyValue | null {
  if (!value) return null;
  if (accountOnly && value.currency !== ACCOUNT_CURRENCY) {
    throw new ApiFailure(
      400,
      `${field}.currency must be the account currency (${ACCOUNT_CURRENCY})`,
      `${field}.currency`,
    );
  }
  return money(value.amount, value.currency);
}

interface ProductRefs {
  unit_of_measure_id?: string | null;
  department_id?: string;
  product_category_id?: string;
  tax_rate_id?: string;
  stock?: { amount?: number | null };
  configuration?: { stock_threshold?: { minimum?: number } | null } | null;
}

function checkRefs(ctx: TwinContext, body: ProductRefs): void {
  if (body.unit_of_measure_id)
    findOr400(ctx, 'unitsOfMeasure', body.unit_of_measure_id, 'unit_of_measure_id');
  if (body.department_id) findOr400(ctx, 'departments', body.department_id, 'department_id');
  if (body.product_category_id)
    findOr400(ctx, 'productCategories', body.product_category_id, 'product_category_id');
  if (body.tax_rate_id) {
    const rate = findOr400(ctx, 'taxRates', body.tax_rate_id, 'tax_rate_id');
    if (body.department_id && rate.department?.id !== body.department_id) {
      throw new ApiFailure(400, 'tax_rate_id belongs to another department', 'tax_rate_id');
    }
  }
  if (body.stock?.amount !== undefined && body.stock.amount !== null && body.stock.amount < 0) {
    throw new ApiFailure(400, 'stock.amount cannot be negative', 'stock.amount');
  }
  // "Cannot be negative" (the spec's description only, so Ajv does not check it).
  const minimum = body.configuration?.stock_threshold?.minimum;
  if (minimum !== undefined && minimum < 0) {
    const field = 'configuration.stock_threshold.minimum';
    throw new ApiFailure(400, `${field} cannot be negative`, field);
  }
}

/**
 * Checks the price lists a product refers to. The spec types `products.info` `price_list_prices` as
 * an array of arrays, so no non-empty value would be valid there: the twin shows `[]`.
 */
function checkPriceLists(ctx: TwinContext, prices: readonly { price_list_id?: string }[]): void {
  prices.forEach((p, index) => {
    if (p.price_list_id)
      findOr400(ctx, 'priceLists', p.price_list_id, `price_list_prices.${index}.price_list_id`);
  });
}

/** Creates a product the way `products.add` does (the seed and `_sandbox/generate` use it too). */
export function addProduct(ctx: TwinContext, body: TeamleaderRequest<'products.add'>): Product {
  checkRefs(ctx, body);
  checkPriceLists(ctx, body.price_list_prices ?? []);
  const now = nowIso(ctx);
  const id = ctx.newId();
  const product: Product = {
    id,
    name: body.name ?? null,
    description: body.description ?? null,
    code: body.code ?? null,
    purchase_price: price(body.purchase_price, 'purchase_price', true),
    selling_price: price(body.selling_price, 'selling_price', false),
    unit: body.unit_of_measure_id ? ref('unitOfMeasure', body.unit_of_measure_id) : null,
    tax: body.tax_rate_id ? ref('taxRate', body.tax_rate_id) : null,
    custom_fields: readCustomFields(ctx, body.custom_fields, 'product'),
    price_list_prices: [],
    product_category: body.product_category_id ? ref('productCategory', body.product_category_id) : null,
    stock: { amount: body.stock?.amount ?? null },
    configuration: body.configuration ?? null,
    added_at: now,
    updated_at: now,
  };
  ctx.state.records.products[id] = product;
  ctx.emit('product.added', ref('product', id));
  return product;
}

export const productHandlers: HandlerTable = {
  'products.list': (ctx, body) => {
    const f = body.filter ?? {};
    const since = updatedSince(f.updated_since);
    const ids = f.ids ? new Set(f.ids) : undefined;
    const items = Object.values(ctx.state.records.products).filter(
      (p) =>
        (!ids || ids.has(p.id)) && isOnOrAfter(p.updated_at, since) && textMatches(f.term, p.name, p.code),
    );
    return ok({ data: pageOf(items, body.page).map(listView) });
  },
  'products.info': (ctx, body) => {
    const product = findOr404(ctx, 'products', body.id);
    return ok({ data: includesOf(body.includes).has('suppliers') ? { ...product, suppliers: [] } : product });
  },
  'products.add': (ctx, body) => created('product', addProduct(ctx, body).id),
  'products.update': (ctx, body) => {
    const p = findOr404(ctx, 'products', body.id);
    checkRefs(ctx, body);
    const custom = updatedCustomFields(ctx, p.custom_fields, body, 'product');
    const name = 'name' in body ? (body.name ?? null) : p.name;
    const code = 'code' in body ? (body.code ?? null) : p.code;
    if (!name && !code) throw new ApiFailure(400, 'A product needs a name or a code', 'name');
    p.name = name;
    p.code = code;
    if ('description' in body) p.description = body.description ?? null;
    if ('purchase_price' in body) p.purchase_price = price(body.purchase_price, 'purchase_price', true);
    if ('selling_price' in body) p.selling_price = price(body.selling_price, 'selling_price', false);
    if ('unit_of_measure_id' in body) {
      p.unit = body.unit_of_measure_id ? ref('unitOfMeasure', body.unit_of_measure_id) : null;
    }
    if (body.stock) p.stock = { amount: body.stock.amount ?? null };
    if ('configuration' in body) p.configuration = body.configuration ?? null;
    if (body.product_category_id) p.product_category = ref('productCategory', body.product_category_id);
    if (body.tax_rate_id) p.tax = ref('taxRate', body.tax_rate_id);
    if (custom) p.custom_fields = custom;
    p.updated_at = nowIso(ctx);
    ctx.emit('product.updated', ref('product', p.id));
    return noContent();
  },
  'products.delete': (ctx, body) => {
    findOr404(ctx, 'products', body.id);
    removeKey(ctx.state.records.products, body.id);
    ctx.emit('product.deleted', ref('product', body.id));
    return noContent();
  },
  'productCategories.list': (ctx, body) =>
    ok({
      data: Object.values(ctx.state.records.productCategories).filter(
        (c) =>
          !body.filter?.department_id ||
          c.ledgers?.some((l) => l.department?.id === body.filter?.department_id),
      ),
    }),
  'unitsOfMeasure.list': (ctx) => ok({ data: Object.values(ctx.state.records.unitsOfMeasure) }),
  'priceLists.list': (ctx, body) => {
    const ids = body.filter?.ids ? new Set(body.filter.ids) : undefined;
    return ok({ data: Object.values(ctx.state.records.priceLists).filter((p) => !ids || ids.has(p.id)) });
  },
};
