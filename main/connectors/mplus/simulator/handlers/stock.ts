import { unscaleQuantity } from '../../conversions';
import type { SetStockResult, WireArticleStock } from '../../generated/wire-types';
import { changeStock, freeQuantity, stockRecord } from '../domain/stock';
import { setFilter, type HandlerContext, type OperationHandlers } from './context';

/** Stock per branch. `stockId` filters like a syncMarker (inclusive lower bound). */

type StockCheck = 'OK' | 'BRANCH-NOT-FOUND' | 'ARTICLE-NOT-FOUND' | 'NO-STOCK-ARTICLE' | 'FAILED';

function check(
  ctx: HandlerContext,
  branchNumber: number,
  articleNumber: number,
  employeeNumber?: number,
): StockCheck {
  if (!ctx.state.branches.has(branchNumber)) return 'BRANCH-NOT-FOUND';
  const entry = ctx.state.articles.get(articleNumber);
  if (!entry) return 'ARTICLE-NOT-FOUND';
  if (entry.article.stockArticle === false) return 'NO-STOCK-ARTICLE';
  if (employeeNumber !== undefined && !ctx.state.employees.has(employeeNumber)) return 'FAILED';
  return 'OK';
}

export const stockHandlers: Pick<OperationHandlers, 'getStock' | 'setStock' | 'updateStock'> = {
  getStock: (ctx, { request }) => {
    const { state } = ctx;
    const branches = request.branchNumbers?.branchNumber?.length
      ? request.branchNumbers.branchNumber
      : [request.branchNumber];
    const wanted = setFilter(request.articleNumbers.articleNumbers);
    const articleNumbers = wanted
      ? (request.articleNumbers.articleNumbers ?? []).filter((n) => state.articles.has(n))
      : [...state.articles.keys()].sort((a, b) => a - b);
    const records: WireArticleStock[] = [];
    for (const branchNumber of branches) {
      if (!state.branches.has(branchNumber)) continue;
      for (const articleNumber of articleNumbers) {
        if (state.articles.get(articleNumber)?.article.stockArticle === false) continue;
        const record = stockRecord(state, branchNumber, articleNumber);
        if (request.stockId !== undefined && record.stockId < request.stockId) continue;
        records.push(record);
      }
    }
    if (request.stockId !== undefined) records.sort((a, b) => a.stockId - b.stockId);
    return { articleStocks: records };
  },

  setStock: (ctx, { request }) => {
    const outcome = check(ctx, request.branchNumber, request.articleNumber, request.employeeNumber);
    if (outcome !== 'OK') return { result: `SET-STOCK-RESULT-${outcome}` satisfies SetStockResult };
    const amount = unscaleQuantity(request.amount, request.decimalPlaces ?? 0);
    const record = changeStock(
      ctx.state,
      request.branchNumber,
      request.articleNumber,
      { setFree: amount },
      ctx.now(),
    );
    return { result: 'SET-STOCK-RESULT-OK', stockId: record.stockId };
  },

  updateStock: (ctx, { request }) => {
    const outcome = check(ctx, request.branchNumber, request.articleNumber, request.employeeNumber);
    if (outcome !== 'OK') return { result: `UPDATE-STOCK-RESULT-${outcome}` as const };
    const delta = unscaleQuantity(request.amountChanged, request.decimalPlaces ?? 0);
    const before = freeQuantity(stockRecord(ctx.state, request.branchNumber, request.articleNumber));
    const record = changeStock(
      ctx.state,
      request.branchNumber,
      request.articleNumber,
      { setFree: before + delta },
      ctx.now(),
    );
    return { result: 'UPDATE-STOCK-RESULT-OK', stockId: record.stockId };
  },
};
