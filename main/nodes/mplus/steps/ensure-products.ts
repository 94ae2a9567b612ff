import { roundTo } from '../../../../shared/domain/product';
import { SalesOrder, type SalesOrderLine } from '../../../../shared/domain/sales-order';
import { toJsonObject } from '../../../../shared/domain/json';
import type { MplusLinePlace } from '../../../../shared/flow/messages/mplus-messages';
import { runMessage } from '../../../../shared/flow/run-messages';
import { mplusEnsureProducts } from '../../../../shared/nodes/mplus/steps';
import type { MplusClient } from '../../../connectors/mplus/client';
import { permanentError } from '../../../engine/errors';
import { defineExecutor, emit, type NodeContext } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { readRecord } from '../../steps/support/records';
import { articleNumberOf } from '../convert/sku';
import { vatCodeFor } from '../vat-codes';
import { OncePerKey } from '../../steps/support/once-per-key';

type Config = NodeContext<unknown> & {
  readonly config: {
    createMissing: boolean;
    skuPrefix: string;
    vatCodes: { rate: number; code: number }[];
    turnoverGroup?: number | undefined;
  };
};

/** Creates one article for an order line (its own product), as the line describes it. */
async function createArticle(
  client: MplusClient,
  ctx: Config,
  articleNumber: number,
  line: SalesOrderLine,
  where: MplusLinePlace,
): Promise<void> {
  const vatCode = line.targetTax ?? vatCodeFor(ctx.config.vatCodes, line.taxRate, where);
  const turnover =
    line.revenueAccount !== undefined && /^\d+$/.test(line.revenueAccount)
      ? Number(line.revenueAccount)
      : ctx.config.turnoverGroup;
  const outcome = await api(() =>
    client.createProduct(
      {
        description: line.description,
        articleList: {
          article: [
            {
              articleNumber,
              ...(line.sku ? { extArticleId: line.sku } : {}),
              description: line.description,
              invoiceText: line.description,
              receiptText: line.description.slice(0, 30),
              displayText: line.description.slice(0, 20),
              ...(line.ean ? { barcode: line.ean } : {}),
              priceExcl: roundTo(line.unitPriceExcl, 2),
              vatCode,
              ...(turnover === undefined ? {} : { turnoverGroup: turnover }),
            },
          ],
        },
      },
      { signal: ctx.signal },
    ),
  );
  // Taken: another order created it a moment ago, which is what we wanted.
  if (outcome.kind !== 'created' && outcome.kind !== 'article_number_taken') {
    throw permanentError(
      runMessage('mplusRefusedArticleCreate', { ...where, article: articleNumber, detail: outcome.message }),
      {
        code: 'mplus_rejected',
        field: 'sku',
        value: line.sku ?? '',
      },
    );
  }
}

/** Every line's SKU must be an article: found in one call per order, missing ones created (or named). */
export const mplusEnsureProductsModule = defineExecutor(mplusEnsureProducts, {
  category: 'transform',
  async open(ctx) {
    const client = await mplusClient(ctx);
    const known = new Set<number>();
    const creating = new OncePerKey<void>();
    return {
      async process(record) {
        const order = readRecord(SalesOrder, record.data, 'Sales order');
        const doc = { kind: order.kind, number: order.number };
        const numbers = order.lines.map(
          (line, index) =>
            line.articleNumber ??
            articleNumberOf(line.sku, ctx.config.skuPrefix, { ...doc, line: index + 1 }),
        );
        const unknown = [...new Set(numbers.filter((n) => !known.has(n)))];
        if (unknown.length > 0) {
          const products = await api(() =>
            client.getProductsByArticleNumbers(unknown, { signal: ctx.signal }),
          );
          for (const product of products)
            for (const article of product.articleList?.article ?? [])
              if (article.articleNumber !== undefined) known.add(article.articleNumber);
        }
        const missing = order.lines
          .map((line, index) => ({ line, index, number: numbers[index] ?? 0 }))
          .filter(({ number }) => !known.has(number));
        if (missing.length > 0 && !ctx.config.createMissing) {
          const skus = [...new Set(missing.map(({ line }) => `"${line.sku ?? ''}"`))].join(', ');
          throw permanentError(runMessage('mplusMissingArticles', { ...doc, count: missing.length, skus }), {
            code: 'missing_products',
            field: 'lines.sku',
            value: missing.map(({ line }) => line.sku ?? ''),
          });
        }
        for (const { line, index, number } of missing) {
          if (ctx.dryRun) {
            ctx.log.info(
              runMessage('mplusWouldCreateArticle', {
                ...doc,
                article: number,
                description: line.description,
              }),
            );
            continue;
          }
          await creating.run(String(number), () =>
            createArticle(client, ctx, number, line, { ...doc, line: index + 1 }),
          );
          known.add(number);
        }
        const lines = order.lines.map((line, index) => ({ ...line, articleNumber: numbers[index] ?? 0 }));
        return emit({ ...record, data: { ...record.data, lines: lines.map((line) => toJsonObject(line)) } });
      },
    };
  },
});
