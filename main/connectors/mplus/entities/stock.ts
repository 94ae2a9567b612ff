import type {
  ArticleStock,
  GetStockRequest,
  SetStockRequest,
  UpdateStockRequest,
} from '../generated/model-types';
import type { CallOptions, SoapCaller } from '../soap-caller';
import type { WithOptional } from './shared';

/** Stock per (branch, article). `stockId` is the stock family's change marker. */

export type StockQuery = WithOptional<GetStockRequest, 'articleNumbers'>;

export type StockOutcome =
  | { kind: 'ok'; stockId?: number }
  | { kind: 'branch_not_found'; message: string }
  | { kind: 'article_not_found'; message: string }
  | { kind: 'no_stock_article'; message: string }
  | { kind: 'rejected'; message: string };

export interface StockApi {
  /** Stock of a branch, for some articles (empty list: all) or changed after a stockId. */
  getStock(query: StockQuery, options?: CallOptions): Promise<ArticleStock[]>;
  /** Sets the absolute free stock (`amount` as a decimal quantity). */
  setStock(request: SetStockRequest, options?: CallOptions): Promise<StockOutcome>;
  /** Adds `amountChanged` (may be negative) to the free stock. */
  updateStock(request: UpdateStockRequest, options?: CallOptions): Promise<StockOutcome>;
}

function stockOutcome(result: string, stockId: number | undefined): StockOutcome {
  const suffix = result.replace(/^(SET|UPDATE)-STOCK-RESULT-/, '');
  switch (suffix) {
    case 'OK':
      return stockId === undefined ? { kind: 'ok' } : { kind: 'ok', stockId };
    case 'BRANCH-NOT-FOUND':
      return { kind: 'branch_not_found', message: result };
    case 'ARTICLE-NOT-FOUND':
      return { kind: 'article_not_found', message: result };
    case 'NO-STOCK-ARTICLE':
      return { kind: 'no_stock_article', message: result };
    default:
      return { kind: 'rejected', message: result };
  }
}

export function stockApi(caller: SoapCaller): StockApi {
  return {
    async getStock(query, options) {
      const answer = await caller.call('getStock', { request: { articleNumbers: {}, ...query } }, options);
      return answer.articleStocks ?? [];
    },
    async setStock(request, options) {
      const answer = await caller.call('setStock', { request }, options);
      return stockOutcome(answer.result, answer.stockId);
    },
    async updateStock(request, options) {
      const answer = await caller.call('updateStock', { request }, options);
      return stockOutcome(answer.result, answer.stockId);
    },
  };
}
