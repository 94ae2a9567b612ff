import type { MplusClient } from '../../connectors/mplus/client';
import { api } from '../steps/support/api-errors';

/**
 * The SKU of an MplusKASSA article: the `extArticleId` Koppel wrote when the article came from
 * another system (e.g. Teamleader code "SKU-00012" for article 12), else the article number. So
 * records read back from MplusKASSA match the product they came from. Loaded in batches, once per run.
 */
export class ArticleSkus {
  private readonly skus = new Map<number, string>();

  constructor(
    private readonly client: MplusClient,
    private readonly signal: AbortSignal,
  ) {}

  async load(articleNumbers: readonly number[]): Promise<void> {
    const missing = [...new Set(articleNumbers.filter((n) => !this.skus.has(n)))];
    for (let offset = 0; offset < missing.length; offset += 500) {
      const batch = missing.slice(offset, offset + 500);
      const products = await api(() =>
        this.client.getProductsByArticleNumbers(batch, { signal: this.signal }),
      );
      for (const product of products) {
        for (const article of product.articleList?.article ?? []) {
          if (article.articleNumber !== undefined)
            this.skus.set(article.articleNumber, skuOfArticle(article));
        }
      }
      for (const number of batch) if (!this.skus.has(number)) this.skus.set(number, String(number));
    }
  }

  skuOf(articleNumber: number): string {
    return this.skus.get(articleNumber) ?? String(articleNumber);
  }
}

/** An article's SKU: its extArticleId when Koppel (or someone) set one, else its number. */
export function skuOfArticle(article: { articleNumber?: number; extArticleId?: string }): string {
  return article.extArticleId?.trim() || String(article.articleNumber ?? '');
}
