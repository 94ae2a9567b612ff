import { toJsonObject } from '../../../../shared/domain/json';
import { exclFromIncl, inclFromExcl, roundTo, type Product } from '../../../../shared/domain/product';
import type { JsonObject } from '../../../../shared/flow/json';
import { runMessage, type RunMessage } from '../../../../shared/flow/run-messages';
import { isCurrencyCode, type CurrencyCode } from '../../../connectors/teamleader/currency-codes';
import type { Product as TeamleaderProduct } from '../../../connectors/teamleader/schemas';

/** The order's currency as Teamleader names it; euro when it names none Teamleader knows. */
export function currencyOf(code: string | undefined): CurrencyCode {
  const upper = code?.toUpperCase();
  return isCurrencyCode(upper) ? upper : 'EUR';
}

export interface ProductLookups {
  taxPercent: number | undefined;
  categoryName: string | undefined;
  /** Custom field id → label, for attributes (and the EAN). */
  fieldLabels: ReadonlyMap<string, string>;
  eanLabel: string;
}

/** A Teamleader product (info shape) as a canonical product; the SKU is its code. */
export function productToCanonical(product: TeamleaderProduct, lookups: ProductLookups): Product {
  const attributes: JsonObject = {};
  let ean: string | undefined;
  for (const field of product.custom_fields ?? []) {
    const label = lookups.fieldLabels.get(field.definition?.id ?? '');
    if (!label || field.value === undefined || field.value === null) continue;
    if (label.toLowerCase() === lookups.eanLabel.toLowerCase()) ean = String(field.value);
    else attributes[label] = toJsonObject({ value: field.value }).value ?? null;
  }
  const excl = product.selling_price?.amount;
  const rate = lookups.taxPercent;
  return {
    source: { system: 'teamleader', entity: 'product', id: product.id ?? '' },
    ...(product.code ? { sku: product.code } : {}),
    ...(ean ? { ean } : {}),
    name: product.name ?? product.code ?? 'Product',
    ...(product.description ? { longDescription: product.description } : {}),
    ...(excl === undefined ? {} : { priceExcl: excl }),
    ...(excl !== undefined && rate !== undefined ? { priceIncl: roundTo(inclFromExcl(excl, rate), 2) } : {}),
    ...(rate === undefined ? {} : { taxRate: rate }),
    currency: product.selling_price?.currency ?? 'EUR',
    ...(product.stock?.amount === undefined || product.stock.amount === null
      ? {}
      : { quantity: product.stock.amount }),
    ...(product.product_category?.id
      ? {
          category: {
            id: product.product_category.id,
            ...(lookups.categoryName ? { name: lookups.categoryName } : {}),
          },
        }
      : {}),
    attributes,
    raw: toJsonObject(product),
  };
}

/**
 * Teamleader refuses negative stock, while an MplusKASSA till happily sells below zero: such stock
 * is written as 0 and the run log says so.
 */
export function nonNegativeStock(
  quantity: number,
  sku: string | undefined,
  log: { warn(message: string | RunMessage): void },
): number {
  if (quantity >= 0) return quantity;
  log.warn(runMessage('teamleaderNegativeStock', { sku: sku ?? '', quantity }));
  return 0;
}

/** What Koppel writes to a product (fits products.add and products.update). */
export interface ProductBody {
  name?: string;
  code?: string;
  description?: string;
  selling_price?: { amount: number; currency: CurrencyCode };
  tax_rate_id?: string;
  product_category_id?: string;
  department_id?: string;
  stock?: { amount: number };
  custom_fields?: { id: string; value: string }[];
}

export interface ProductIds {
  departmentId: string | undefined;
  taxRateId: string | undefined;
  categoryId: string | undefined;
  eanFieldId: string | undefined;
  /** The product's current custom fields (kept: updates replace the list wholesale). */
  currentFields: readonly { id: string; value: string }[];
}

/** products.add/update fields from a (possibly partial) canonical product. */
export function productBody(product: Partial<Product>, ids: ProductIds): ProductBody {
  const body: ProductBody = {};
  if (product.name !== undefined) body.name = product.name;
  if (product.sku !== undefined) body.code = product.sku;
  if (product.longDescription !== undefined) body.description = product.longDescription;
  const excl =
    product.priceExcl ??
    (product.priceIncl !== undefined && product.taxRate !== undefined
      ? exclFromIncl(product.priceIncl, product.taxRate)
      : undefined);
  if (excl !== undefined)
    body.selling_price = { amount: roundTo(excl, 4), currency: currencyOf(product.currency) };
  if (ids.taxRateId) body.tax_rate_id = ids.taxRateId;
  if (ids.categoryId) body.product_category_id = ids.categoryId;
  if (ids.departmentId) body.department_id = ids.departmentId;
  if (product.quantity !== undefined) body.stock = { amount: product.quantity };
  if (product.ean !== undefined && ids.eanFieldId) {
    const eanFieldId = ids.eanFieldId;
    body.custom_fields = [
      ...ids.currentFields.filter((f) => f.id !== eanFieldId),
      { id: eanFieldId, value: product.ean },
    ];
  }
  return body;
}
