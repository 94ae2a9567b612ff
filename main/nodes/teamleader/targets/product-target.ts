import { toJsonObject } from '../../../../shared/domain/json';
import { Product } from '../../../../shared/domain/product';
import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import type { VatCodeRule } from '../../../../shared/nodes/mplus/targets';
import { teamleaderProductTarget } from '../../../../shared/nodes/teamleader/targets';
import { permanentError } from '../../../engine/errors';
import { asUpdateOf, defineExecutor, type TargetIds, type TargetWrite } from '../../../engine/executor';
import { vatCodeOf } from '../../mplus/vat-codes';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { makingKey } from '../../../engine/making-lock';
import { readPayload, readRecord } from '../../steps/support/records';
import { nonNegativeStock, productBody, type ProductBody } from '../convert/product';
import { ProductsByCode } from '../products-by-code';
import { TEAMLEADER_REFERENCE } from '../reference';
import type { Product as TeamleaderProduct } from '../../../connectors/teamleader/schemas';
import { sameValue, sameValues } from '../../steps/support/same-values';
import { answerOf, writeCalls } from './call-answers';

function skuOf(product: Product): string {
  if (!product.sku) {
    throw permanentError(runMessage('teamleaderProductNoSku', { name: product.name }), {
      code: 'missing_sku',
      field: 'sku',
    });
  }
  return product.sku;
}

/** Whether the product already has every value the body would write. */
function productUnchanged(body: ProductBody, current: TeamleaderProduct): boolean {
  const fields = new Map((current.custom_fields ?? []).map((f) => [f.definition?.id, f.value]));
  return (
    sameValues(
      { name: body.name, code: body.code, description: body.description },
      { name: current.name, code: current.code, description: current.description },
    ) &&
    (body.selling_price === undefined ||
      sameValue(body.selling_price.amount, current.selling_price?.amount)) &&
    (body.tax_rate_id === undefined || body.tax_rate_id === current.tax?.id) &&
    (body.product_category_id === undefined || body.product_category_id === current.product_category?.id) &&
    (body.stock === undefined || body.stock.amount === current.stock?.amount) &&
    (body.custom_fields ?? []).every((field) => String(fields.get(field.id) ?? '') === field.value)
  );
}

/**
 * Whether a product whose tax rate is `current` percent keeps it when `incoming` is written. Tax
 * rates belong to a department: a rate of the same percentage stays (its department's), rather
 * than the product being moved to this flow's department's. And a rate the till gives the same VAT
 * code (`tillVatCodes`, the other direction's table) stays: the till cannot tell 12% from 21% when
 * both are its code 2, so the rate it reports back says nothing new.
 */
function keepsTaxRate(
  current: number | undefined,
  incoming: number,
  tillVatCodes: readonly VatCodeRule[],
): boolean {
  if (current === undefined) return false;
  if (Math.abs(current - incoming) < 0.001) return true;
  const code = vatCodeOf(tillVatCodes, current);
  return code !== undefined && code === vatCodeOf(tillVatCodes, incoming);
}

/** Product upsert: the code is the SKU; price, tax rate, category (by name), stock and EAN. */
export const teamleaderProductTargetModule = defineExecutor(teamleaderProductTarget, {
  category: 'target',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    const lookups = ctx.perRun(TEAMLEADER_REFERENCE, client);
    const products = new ProductsByCode(client, ctx.signal);
    const signal = ctx.signal;
    // Categories Teamleader lacks that this run already warned of: a till's article group is shared
    // by many articles, and a warning each buried the run's other warnings.
    const missingCategoriesTold = new Set<string>();

    const body = async (
      write: TargetWrite,
    ): Promise<{ body: ProductBody; current: TeamleaderProduct | null }> => {
      const full = readRecord(Product, write.record.data, 'Product');
      const payload = readPayload(Product.partial(), write.payload, 'Product');
      const sku = skuOf(full);
      const departmentId = await lookups.departmentId(ctx.config.department);
      const productId = write.existing?.productId;
      const current = productId ? await api(() => client.products.info({ id: productId }, { signal })) : null;
      const currentTaxId = current?.tax?.id;
      const taxRateId =
        payload.taxRate === undefined
          ? undefined
          : keepsTaxRate(await lookups.taxPercent(currentTaxId), payload.taxRate, ctx.config.tillVatCodes)
            ? currentTaxId
            : await lookups.taxRateId(departmentId, payload.taxRate, { sku });
      const categoryName = payload.category?.name;
      const categoryId = await lookups.categoryId(categoryName);
      if (categoryName && !categoryId && !missingCategoriesTold.has(categoryName)) {
        missingCategoriesTold.add(categoryName);
        ctx.log.warn(
          runMessage('teamleaderCategoryLeftOut', { sku, category: categoryName }),
          write.item.key,
        );
      }
      if (payload.quantity !== undefined)
        payload.quantity = nonNegativeStock(payload.quantity, full.sku, ctx.log);
      const written = productBody(payload, {
        departmentId: write.mode === 'create' ? departmentId : undefined,
        taxRateId,
        categoryId,
        eanFieldId: await lookups.customFieldId('product', ctx.config.eanField),
        currentFields: (current?.custom_fields ?? []).flatMap((f) =>
          f.definition?.id && f.value !== undefined && f.value !== null
            ? [{ id: f.definition.id, value: String(f.value) }]
            : [],
        ),
      });
      return { body: written, current };
    };

    /** The body each write's `prepare` built, for its `send` (as the MplusKASSA article target does). */
    const prepared = new WeakMap<TargetWrite, ProductBody>();

    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      reference: ({ record }) => skuOf(readRecord(Product, record.data, 'Product')),
      async findExisting({ reference }): Promise<TargetIds | null> {
        // A miss may be the list's (read under a minute ago): `send` asks again before it makes one.
        const id = (await products.find(reference))?.id;
        return id ? { productId: id } : null;
      },
      async prepare(write) {
        const { body: product, current } = await body(write);
        prepared.set(write, product);
        if (write.mode === 'update' && current && productUnchanged(product, current)) {
          // An empty write would still move updated_at, and a flow the other way would read it back.
          return {
            request: toJsonObject({ operation: 'products.update', id: current.id ?? null }),
            action: 'skip',
            skipReason: skipReason('teamleaderProductUpToDate', {
              product: current.code ?? current.id ?? '',
            }),
          };
        }
        return {
          request: toJsonObject({
            operation: write.mode === 'create' ? 'products.add' : 'products.update',
            product,
          }),
          action: write.mode,
        };
      },
      async send(_prepared, write) {
        const product = prepared.get(write) ?? (await body(write)).body;
        const calls = writeCalls(signal);
        const productId = write.existing?.productId;
        if (productId) {
          await api(() => client.products.update({ id: productId, ...product }, calls));
          return { targetIds: { productId }, response: answerOf(calls) };
        }
        const code = skuOf(readRecord(Product, write.record.data, 'Product'));
        return ctx.whileMaking(client, makingKey.product(code), async (madeMeanwhile, made) => {
          // Asked of Teamleader itself unless it just said "none": our look may be the list's,
          // read up to a minute ago, and a person may have made it since.
          const found = madeMeanwhile ?? (await products.findBeforeMaking(code))?.id;
          if (found) {
            const existing = { productId: found };
            const update = await body(asUpdateOf(write, existing));
            await api(() => client.products.update({ id: found, ...update.body }, calls));
            ctx.log.info(runMessage('teamleaderProductMadeMeanwhile', { sku: code }));
            return { targetIds: existing, response: answerOf(calls) };
          }
          // Made now (or perhaps, should the answer be lost): the list read before knows nothing of it.
          products.forget(code);
          const ref = await api(() => client.products.add({ ...product, code }, calls));
          if (!ref.id)
            throw permanentError(runMessage('teamleaderProductNoId', { sku: code }), {
              code: 'teamleader_protocol',
            });
          made(ref.id);
          return { targetIds: { productId: ref.id }, response: answerOf(calls) };
        });
      },
    };
  },
});
