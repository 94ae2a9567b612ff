import { toJsonObject } from '../../../../shared/domain/json';
import { roundTo } from '../../../../shared/domain/product';
import { SalesOrder, type SalesOrderLine } from '../../../../shared/domain/sales-order';
import type { TeamleaderLine } from '../../../../shared/flow/messages/teamleader-messages';
import { runMessage } from '../../../../shared/flow/run-messages';
import { teamleaderEnsureProducts } from '../../../../shared/nodes/teamleader/steps';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, emit } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { teamleaderClient } from '../../steps/support/clients';
import { makingKey } from '../../../engine/making-lock';
import { OncePerKey } from '../../steps/support/once-per-key';
import { readRecord } from '../../steps/support/records';
import { currencyOf } from '../convert/product';
import { ProductsByCode } from '../products-by-code';
import { TEAMLEADER_REFERENCE } from '../reference';

/** Every line's SKU must be a product code; missing ones are created from the line (or named in the failure). */
export const teamleaderEnsureProductsModule = defineExecutor(teamleaderEnsureProducts, {
  category: 'transform',
  async open(ctx) {
    const client = await teamleaderClient(ctx);
    const reference = ctx.perRun(TEAMLEADER_REFERENCE, client);
    const known = new Map<string, string>();
    const creating = new OncePerKey<string>();
    /** SKUs a dry run found missing: later orders need not look them up again. */
    const wouldCreate = new Set<string>();
    const products = new ProductsByCode(client, ctx.signal);

    const create = async (
      line: SalesOrderLine & { sku: string },
      currency: string,
      where: TeamleaderLine,
    ): Promise<string> => {
      const departmentId = await reference.departmentId(ctx.config.department);
      const taxRateId = await reference.taxRateId(departmentId, line.targetTax ?? line.taxRate, where);
      products.forget(line.sku);
      const ref = await api(() =>
        client.products.add(
          {
            name: line.description || line.sku,
            code: line.sku,
            selling_price: { amount: roundTo(line.unitPriceExcl, 4), currency: currencyOf(currency) },
            tax_rate_id: taxRateId,
            department_id: departmentId,
          },
          { signal: ctx.signal },
        ),
      );
      if (!ref.id) throw permanentError(runMessage('teamleaderLineProductNoId', { ...where, sku: line.sku }));
      return ref.id;
    };

    return {
      async process(record) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const document = { kind: order.kind, number: order.number };
        const missing: { line: SalesOrderLine & { sku: string }; index: number }[] = [];
        for (const [index, line] of order.lines.entries()) {
          const sku = line.sku;
          if (!sku || known.has(sku)) continue;
          // Being created by another order (or found missing by this dry run): no need to look.
          if (creating.has(sku) || wouldCreate.has(sku)) {
            missing.push({ line: { ...line, sku }, index });
            continue;
          }
          const id = (await products.find(sku))?.id;
          if (id) known.set(sku, id);
          else {
            missing.push({ line: { ...line, sku }, index });
            if (ctx.dryRun) wouldCreate.add(sku);
          }
        }
        if (missing.length > 0 && !ctx.config.createMissing) {
          const skus = [...new Set(missing.map(({ line }) => `"${line.sku}"`))].join(', ');
          throw permanentError(
            runMessage('teamleaderProductsMissing', { ...document, count: missing.length, skus }),
            { code: 'missing_products', field: 'lines.sku', value: missing.map(({ line }) => line.sku) },
          );
        }
        for (const { line, index } of missing) {
          if (known.has(line.sku)) continue;
          if (ctx.dryRun) {
            ctx.log.info(
              runMessage('teamleaderWouldCreateProduct', {
                ...document,
                sku: line.sku,
                description: line.description,
              }),
            );
            continue;
          }
          known.set(
            line.sku,
            // Two orders of this run with one new product share this work.
            await creating.run(line.sku, () =>
              ctx.whileMaking(client, makingKey.product(line.sku), async (madeMeanwhile, made) => {
                // Asked of Teamleader itself unless it just said "none": our look may be the
                // list's, and a person (or an attempt of this run whose answer was lost) may
                // have made it since.
                const found = madeMeanwhile ?? (await products.findBeforeMaking(line.sku))?.id;
                if (found) return found;
                const id = await create(line, order.currency, { ...document, line: index + 1 });
                made(id);
                return id;
              }),
            ),
          );
        }
        const lines = order.lines.map((line) => {
          const id = line.sku ? known.get(line.sku) : undefined;
          return toJsonObject(id ? { ...line, targetProductId: id } : line);
        });
        return emit({ ...record, data: { ...record.data, lines } });
      },
    };
  },
});
