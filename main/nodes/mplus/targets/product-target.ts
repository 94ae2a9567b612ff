import { runMessage } from '../../../../shared/flow/run-messages';
import { skipReason } from '../../../../shared/flow/skip-reasons';
import type {
  Article,
  ChangedArticleGroup,
  Product as MplusProduct,
} from '../../../connectors/mplus/generated/model-types';
import { toJsonObject } from '../../../../shared/domain/json';
import { Product } from '../../../../shared/domain/product';
import { mplusProductTarget } from '../../../../shared/nodes/mplus/targets';
import { permanentError } from '../../../engine/errors';
import { asUpdateOf, defineExecutor, type TargetIds, type TargetWrite } from '../../../engine/executor';
import { api } from '../../steps/support/api-errors';
import { mplusClient } from '../../steps/support/clients';
import { readPayload, readRecord } from '../../steps/support/records';
import { productToArticle } from '../convert/product';
import { sameValues } from '../../steps/support/same-values';
import { skuOfArticle } from '../article-skus';
import { articleNumberOf } from '../convert/sku';
import { vatCodeFor } from '../vat-codes';

/**
 * On an update, the article's description and display text stay as the till has them where they
 * were not its name (its invoice text): a variant's description is often its product's name
 * ("Theedoek") and its invoice text the full one ("Theedoek antraciet"), which comes back from
 * Teamleader as the product's name. Texts that were the name follow it.
 */
function keepOwnTexts(article: Article, current: Article | undefined): void {
  const name = current?.invoiceText;
  if (article.invoiceText === undefined || name === undefined) return;
  if (current?.description !== undefined && current.description !== name) delete article.description;
  if (current?.displayText !== undefined && current.displayText !== name.slice(0, 20))
    delete article.displayText;
}

/** Article upsert: the SKU is the article number (digits only); price, VAT code, group and stock. */
export const mplusProductTargetModule = defineExecutor(mplusProductTarget, {
  category: 'target',
  async open(ctx) {
    const client = await mplusClient(ctx);
    const config = ctx.config;
    let groups: ChangedArticleGroup[] | undefined;
    const groupNumberOf = async (name: string | undefined): Promise<number | undefined> => {
      if (!name) return undefined;
      groups ??= await api(() => client.getArticleGroupChanges({}, { signal: ctx.signal }));
      const wanted = name.trim().toLowerCase();
      return groups.find((group) => !group.isDeleted && group.name.trim().toLowerCase() === wanted)
        ?.groupNumber;
    };
    /** How messages name a product: its SKU, else its name. */
    const nameOf = (product: Product) => product.sku ?? product.name;
    const articleNumber = (product: Product) =>
      articleNumberOf(product.sku, config.skuPrefix, { product: nameOf(product) });

    /** The product that holds article `number` now, with all its articles (for an update). */
    const productOf = async (number: number): Promise<MplusProduct | undefined> =>
      (
        await api(() =>
          client.getProducts(
            { articleNumbers: [number], includeAllArticlesOfSelectedProducts: true },
            { signal: ctx.signal },
          ),
        )
      )[0];

    /**
     * The product to write. `current` is the product an update changes: its name is written only
     * when the article is its only one (variants share the product's name; each variant's name
     * written there in turn would flip it back and forth), and only where the product's description
     * was that name.
     */
    const build = async (write: TargetWrite, current: MplusProduct | undefined): Promise<MplusProduct> => {
      const full = readRecord(Product, write.record.data, 'Product');
      const payload = readPayload(Product.partial(), write.payload, 'Product');
      const number = articleNumber(full);
      // The SKU as it is in the source (e.g. "SKU-00012"), so the article can be traced back to it.
      // An article that already answers to that SKU (its number, or the same extArticleId) is
      // left as it is: writing it would change nothing but make every till article an update once.
      const currentArticle = current?.articleList?.article?.find((a) => a.articleNumber === number);
      const marked =
        full.sku !== undefined &&
        write.mode === 'update' &&
        currentArticle !== undefined &&
        skuOfArticle(currentArticle) === full.sku;
      const article: Article = {
        ...productToArticle(payload),
        articleNumber: number,
        ...(full.sku && !marked ? { extArticleId: full.sku } : {}),
      };
      if (write.mode === 'update') keepOwnTexts(article, currentArticle);
      if (payload.taxRate !== undefined)
        article.vatCode = vatCodeFor(config.vatCodes, payload.taxRate, { product: nameOf(full) });
      if (write.mode === 'create' && config.turnoverGroup !== undefined)
        article.turnoverGroup = config.turnoverGroup;
      const groupNumber = await groupNumberOf(payload.category?.name);
      // As the article's own texts (keepOwnTexts): a product description that was not the article's
      // name ("Earl Grey" for "Earl Grey 100 g", the name Teamleader has) stays as the till has it.
      const ownDescription =
        current?.description !== undefined &&
        currentArticle?.invoiceText !== undefined &&
        current.description !== currentArticle.invoiceText;
      const namesProduct =
        write.mode === 'create' || ((current?.articleList?.article ?? []).length <= 1 && !ownDescription);
      return {
        ...(write.mode === 'update' ? { productNumber: Number(write.existing?.productNumber) } : {}),
        ...(payload.name !== undefined && namesProduct ? { description: payload.name } : {}),
        ...(groupNumber === undefined ? {} : { groupNumbers: [groupNumber] }),
        articleList: { article: [article] },
      };
    };

    /**
     * The product each write's `prepare` built, for its `send`: what the intent stored is what is
     * sent, without reading the product and building it again.
     */
    const prepared = new WeakMap<TargetWrite, MplusProduct>();

    /** Whether the article (its fields, group and stock) already is what the write would make it. */
    const upToDate = async (
      product: MplusProduct,
      write: TargetWrite,
      current: MplusProduct | undefined,
    ): Promise<boolean> => {
      const wanted = product.articleList?.article?.[0];
      if (!wanted?.articleNumber) return false;
      const number = wanted.articleNumber;
      const article = current?.articleList?.article?.find((a) => a.articleNumber === number);
      if (!current || !article || !sameValues(wanted, article)) return false;
      if (product.description !== undefined && !sameValues({ description: product.description }, current))
        return false;
      const group = product.groupNumbers?.[0];
      if (group !== undefined && !(current.groupNumbers ?? []).includes(group)) return false;
      const quantity = readPayload(Product.partial(), write.payload, 'Product').quantity;
      if (config.stockBranch === undefined || quantity === undefined) return true;
      const branchNumber = config.stockBranch;
      const stock = await api(() =>
        client.getStock(
          { branchNumber, articleNumbers: { articleNumbers: [number] } },
          { signal: ctx.signal },
        ),
      );
      return stock.some((level) => level.articleNumber === number && level.amountFree === quantity);
    };

    return {
      idempotency: 'reference',
      lookupBeforeCreate: true,
      reference: ({ record }) => String(articleNumber(readRecord(Product, record.data, 'Product'))),
      async findExisting({ reference }): Promise<TargetIds | null> {
        const products = await api(() =>
          client.getProductsByArticleNumbers([Number(reference)], { signal: ctx.signal }),
        );
        const product = products.find((p) =>
          (p.articleList?.article ?? []).some((a) => String(a.articleNumber) === reference),
        );
        return product?.productNumber === undefined
          ? null
          : { productNumber: String(product.productNumber), articleNumber: reference };
      },
      async prepare(write) {
        const full = readRecord(Product, write.record.data, 'Product');
        const current = write.mode === 'update' ? await productOf(articleNumber(full)) : undefined;
        const product = await build(write, current);
        prepared.set(write, product);
        if (write.mode === 'update' && (await upToDate(product, write, current))) {
          return {
            request: toJsonObject({
              operation: 'updateProduct',
              productNumber: product.productNumber ?? null,
            }),
            action: 'skip',
            skipReason: skipReason('mplusArticleUpToDate', {
              article: String(articleNumber(readRecord(Product, write.record.data, 'Product'))),
            }),
          };
        }
        return {
          request: toJsonObject({
            operation: write.mode === 'create' ? 'createProduct' : 'updateProduct',
            product,
          }),
          action: write.mode,
        };
      },
      async send(_prepared, write) {
        const full = readRecord(Product, write.record.data, 'Product');
        const number = articleNumber(full);
        const product =
          prepared.get(write) ??
          (await build(write, write.mode === 'update' ? await productOf(number) : undefined));
        // The till's answer to each call, kept with the record.
        const calls: { operation: string; answer: unknown }[] = [];
        const update = async (product: MplusProduct): Promise<TargetIds> => {
          const outcome = await api(() => client.updateProduct(product, { signal: ctx.signal }));
          calls.push({ operation: 'updateProduct', answer: outcome });
          if (outcome.kind !== 'updated') {
            throw permanentError(
              runMessage('mplusRefusedArticleChange', { product: nameOf(full), detail: outcome.message }),
              {
                code: 'mplus_rejected',
              },
            );
          }
          return { productNumber: String(product.productNumber), articleNumber: String(number) };
        };
        let targetIds: TargetIds;
        let written = write;
        if (write.mode === 'create') {
          const outcome = await api(() => client.createProduct(product, { signal: ctx.signal }));
          calls.push({ operation: 'createProduct', answer: outcome });
          // Made since our look-up (another flow, the orders flow's missing articles, or a person):
          // MplusKASSA keeps article numbers unique, so it is that article, and it is updated.
          const current = outcome.kind === 'article_number_taken' ? await productOf(number) : undefined;
          if (current?.productNumber !== undefined) {
            ctx.log.info(runMessage('mplusArticleMadeMeanwhile', { article: number }));
            const existing = { productNumber: String(current.productNumber), articleNumber: String(number) };
            written = asUpdateOf(write, existing);
            targetIds = await update(await build(written, current));
          } else if (outcome.kind !== 'created') {
            throw permanentError(
              runMessage('mplusRefusedArticle', { product: nameOf(full), detail: outcome.message }),
              {
                code: 'mplus_rejected',
              },
            );
          } else {
            targetIds = { productNumber: String(outcome.productNumber), articleNumber: String(number) };
          }
        } else {
          targetIds = await update(product);
        }
        // An article made meanwhile is updated: its create-only fields (the stock) stay.
        const quantity = readPayload(Product.partial(), written.payload, 'Product').quantity;
        if (config.stockBranch !== undefined && quantity !== undefined) {
          const stock = await api(() =>
            client.setStock(
              { branchNumber: config.stockBranch ?? 1, articleNumber: number, amount: quantity },
              { signal: ctx.signal },
            ),
          );
          calls.push({ operation: 'setStock', answer: stock });
          if (stock.kind !== 'ok' && stock.kind !== 'no_stock_article') {
            throw permanentError(
              runMessage('mplusRefusedArticleStock', { product: nameOf(full), detail: stock.message }),
              {
                code: 'mplus_rejected',
              },
            );
          }
        }
        return { targetIds, response: toJsonObject({ calls }) };
      },
    };
  },
});
