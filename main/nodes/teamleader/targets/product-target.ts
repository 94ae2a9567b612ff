import { toJsonObject } from '../../../../shared/domain/json';
import { Product } from '../../../../shared/domain/product';
import { teamleaderProductTarget } from '../../../../shared/nodes/teamleader/targets';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, type TargetIds, type TargetWrite } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { readPayload, readRecord } from '../../steps/support/records';
import { nonNegativeStock, productBody, type ProductBody } from '../convert/product';
import { TeamleaderReference } from '../reference';
import { findProductByCode } from '../steps/ensure-products';

function skuOf(product: Product): string {
  if (!product.sku) {
    throw permanentError(`Product "${product.name}": has no SKU, so it has no Teamleader product code.`, {
      code: 'missing_sku',
      field: 'sku',
    });
  }
  return product.sku;
}

/** Product upsert: the code is the SKU; price, tax rate, category (by name), stock and EAN. */
export const teamleaderProductTargetModule = defineExecutor(teamleaderProductTarget, {
  category: 'target',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    const lookups = new TeamleaderReference(client, ctx.signal);
    const signal = ctx.signal;

    const body = async (write: TargetWrite): Promise<ProductBody> => {
      const full = readRecord(Product, write.record.data, 'Product');
      const payload = readPayload(Product.partial(), write.payload, 'Product');
      const where = `Product "${skuOf(full)}"`;
      const departmentId = await lookups.departmentId(ctx.config.department);
      const taxRateId =
        payload.taxRate === undefined
          ? undefined
          : await lookups.taxRateId(departmentId, payload.taxRate, where);
      const categoryName = payload.category?.name;
      const categoryId = await lookups.categoryId(categoryName);
      if (categoryName && !categoryId)
        ctx.log.warn(`${where}: Teamleader has no product category "${categoryName}"; left out.`);
      const productId = write.existing?.productId;
      const current = productId ? await api(() => client.products.info({ id: productId }, { signal })) : null;
      if (payload.quantity !== undefined)
        payload.quantity = nonNegativeStock(payload.quantity, full.sku, ctx.log);
      return productBody(payload, {
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
    };

    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      reference: ({ record }) => skuOf(readRecord(Product, record.data, 'Product')),
      async findExisting({ reference }): Promise<TargetIds | null> {
        const id = await findProductByCode(client, reference, signal);
        return id ? { productId: id } : null;
      },
      async prepare(write) {
        return {
          request: toJsonObject({
            operation: write.mode === 'create' ? 'products.add' : 'products.update',
            product: await body(write),
          }),
          action: write.mode,
        };
      },
      async send(_prepared, write) {
        const product = await body(write);
        const productId = write.existing?.productId;
        if (productId) {
          await api(() => client.products.update({ id: productId, ...product }, { signal }));
          return { targetIds: { productId } };
        }
        const code = skuOf(readRecord(Product, write.record.data, 'Product'));
        const ref = await api(() => client.products.add({ ...product, code }, { signal }));
        if (!ref.id)
          throw permanentError(`Product "${code}": Teamleader sent no id back.`, {
            code: 'teamleader_protocol',
          });
        return { targetIds: { productId: ref.id } };
      },
    };
  },
});
