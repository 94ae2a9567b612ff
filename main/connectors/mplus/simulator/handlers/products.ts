import type { WireArticle, WireProduct } from '../../generated/wire-types';
import { wireDateTime } from '../domain/clock';
import { vatRate } from '../domain/sales';
import type { TwinState } from '../state/twin-state';
import { setFilter, type HandlerContext, type OperationHandlers } from './context';

/**
 * Products and their articles. Article numbers are numeric and unique; syncMarkers are per article
 * (syncMarkerLimit counts articles). A product-level change gives all its articles new markers.
 */

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Fills VAT percentage and the price that was not given (excl from incl or the other way round). */
function completeArticle(state: TwinState, article: WireArticle, index: number): Checked<WireArticle> {
  const vatCode = article.vatCode ?? 2;
  const rate = vatRate(state, [...state.branches.keys()][0] ?? 1, vatCode);
  if (rate === undefined) {
    return {
      ok: false,
      message: `article[${index}]: The rate for VAT-code ${vatCode} is not properly configured. Please contact API support at dev@mpluskassa.nl.`,
    };
  }
  if (article.turnoverGroup !== undefined) {
    if (article.turnoverGroup < 0 || article.turnoverGroup > 999) {
      return { ok: false, message: `article[${index}]: turnoverGroup must be 0..999` };
    }
    if (!state.reference.turnoverGroups.some((g) => g.turnoverGroup === article.turnoverGroup)) {
      return {
        ok: false,
        message: `article[${index}]: turnover group ${article.turnoverGroup} does not exist`,
      };
    }
  }
  const completed: WireArticle = {
    active: true,
    stockArticle: true,
    ...article,
    vatCode,
    vatPercentage: rate,
  };
  if (completed.priceIncl !== undefined && completed.priceExcl === undefined) {
    completed.priceExcl = Math.round((completed.priceIncl * 100) / (100 + rate));
  } else if (completed.priceExcl !== undefined && completed.priceIncl === undefined) {
    completed.priceIncl = Math.round((completed.priceExcl * (100 + rate)) / 100);
  }
  return { ok: true, value: completed };
}

function checkGroups(state: TwinState, groupNumbers: readonly number[] | undefined): string | undefined {
  const missing = (groupNumbers ?? []).find(
    (number) => !state.groups.get(number) || state.groups.get(number)?.isDeleted,
  );
  return missing === undefined ? undefined : `article group ${missing} does not exist`;
}

/** Keeps every group's productNumbers in line with the product's groupNumbers. */
function linkGroups(ctx: HandlerContext, product: WireProduct, previous: readonly number[]): void {
  const productNumber = product.productNumber ?? 0;
  const next = new Set(product.groupNumbers ?? []);
  for (const number of new Set([...previous, ...next])) {
    const group = ctx.state.groups.get(number);
    if (!group) continue;
    const members = group.productNumbers.number;
    const has = members.includes(productNumber);
    if (next.has(number) === has) continue;
    group.productNumbers.number = has
      ? members.filter((n) => n !== productNumber)
      : [...members, productNumber];
    group.syncMarker = ctx.state.nextMarker('articleGroup');
    ctx.state.putGroup(group);
  }
}

function nextArticleNumber(state: TwinState, taken: ReadonlySet<number>): number {
  do state.counters.articleNumber += 1;
  while (state.articles.has(state.counters.articleNumber) || taken.has(state.counters.articleNumber));
  return state.counters.articleNumber;
}

export const productHandlers: Pick<OperationHandlers, 'getProducts' | 'createProduct' | 'updateProduct'> = {
  getProducts: (ctx, { request }) => {
    const { state } = ctx;
    const articleFilter = setFilter(request.articleNumbers);
    const productFilter = setFilter(request.productNumbers);
    const pluFilter = setFilter((request.pluNumbers.text ?? []).map((t) => t.text));
    const groupFilter = setFilter(request.groupNumbers);
    const keep = (product: WireProduct, article: WireArticle): boolean =>
      (!articleFilter || articleFilter(article.articleNumber)) &&
      (!productFilter || productFilter(product.productNumber)) &&
      (!pluFilter || pluFilter(article.pluNumber)) &&
      (!groupFilter || (product.groupNumbers ?? []).some((n) => groupFilter(n))) &&
      (!request.onlyActive || article.active !== false) &&
      (!request.onlyWebshop || article.webshop === true);

    const selected = new Map<number, { product: WireProduct; articles: WireArticle[] }>();
    const add = (product: WireProduct, article: WireArticle): void => {
      const number = product.productNumber ?? 0;
      const entry = selected.get(number) ?? { product, articles: [] };
      entry.articles.push(article);
      selected.set(number, entry);
    };
    if (request.syncMarker !== undefined) {
      const from = request.syncMarker;
      const limit =
        request.syncMarkerLimit !== undefined && request.syncMarkerLimit > 0
          ? request.syncMarkerLimit
          : Infinity;
      // The limit counts articles, but a product is never split (reference: "a first product with
      // more articles than the limit is still returned whole"): a product comes with all its
      // articles from the marker on. The page then holds every article up to its highest marker,
      // so the next request, from that marker + 1, skips none.
      let count = 0;
      let highest = -Infinity;
      for (const articleNumber of state.sync.article.from(from)) {
        const entry = state.articles.get(articleNumber);
        if (!entry || !keep(entry.product, entry.article)) continue;
        if (selected.has(entry.product.productNumber ?? 0)) continue;
        if (count >= limit && (entry.article.syncMarker ?? 0) > highest) break;
        for (const article of entry.product.articleList?.article ?? []) {
          if ((article.syncMarker ?? 0) < from || !keep(entry.product, article)) continue;
          add(entry.product, article);
          count += 1;
          highest = Math.max(highest, article.syncMarker ?? 0);
        }
      }
    } else {
      for (const product of state.products.values()) {
        for (const article of product.articleList?.article ?? [])
          if (keep(product, article)) add(product, article);
      }
    }
    const products = [...selected.values()].map(({ product, articles }) => ({
      ...product,
      articleList: {
        article: request.includeAllArticlesOfSelectedProducts
          ? (product.articleList?.article ?? [])
          : articles,
      },
    }));
    return { productList: { product: products } };
  },

  createProduct: (ctx, { product }) => {
    const { state } = ctx;
    const failed = (
      result:
        | 'CREATE-PRODUCT-RESULT-FAILED'
        | 'CREATE-PRODUCT-RESULT-FAILED-PRODUCT-NUMBER-ALREADY-TAKEN'
        | 'CREATE-PRODUCT-RESULT-FAILED-ARTICLE-NUMBER-ALREADY-TAKEN',
      message: string,
    ) => ({
      result,
      productNumber: 0,
      articleNumbers: [],
      errorMessage: message,
    });
    if (product.productNumber !== undefined && state.products.has(product.productNumber)) {
      return failed(
        'CREATE-PRODUCT-RESULT-FAILED-PRODUCT-NUMBER-ALREADY-TAKEN',
        `product number ${product.productNumber} is already taken`,
      );
    }
    const input = product.articleList?.article ?? [];
    if (input.length === 0)
      return failed('CREATE-PRODUCT-RESULT-FAILED', 'a product needs at least one article');
    const groupProblem = checkGroups(state, product.groupNumbers);
    if (groupProblem) return failed('CREATE-PRODUCT-RESULT-FAILED', groupProblem);
    const requested = new Set<number>();
    const articles: WireArticle[] = [];
    for (const [index, article] of input.entries()) {
      if (article.articleNumber !== undefined) {
        if (state.articles.has(article.articleNumber) || requested.has(article.articleNumber)) {
          return failed(
            'CREATE-PRODUCT-RESULT-FAILED-ARTICLE-NUMBER-ALREADY-TAKEN',
            `article number ${article.articleNumber} is already taken`,
          );
        }
        requested.add(article.articleNumber);
      }
      const completed = completeArticle(state, article, index);
      if (!completed.ok) return failed('CREATE-PRODUCT-RESULT-FAILED', completed.message);
      articles.push(completed.value);
    }
    // Everything is checked: from here on the product is stored whole.
    const now = wireDateTime(ctx.now());
    let productNumber = product.productNumber;
    if (productNumber === undefined) {
      do state.counters.productNumber += 1;
      while (state.products.has(state.counters.productNumber));
      productNumber = state.counters.productNumber;
    }
    for (const article of articles) {
      article.articleNumber ??= nextArticleNumber(state, requested);
      article.createTimestamp = now;
      article.changeTimestamp = now;
    }
    const stored: WireProduct = {
      ...product,
      productNumber,
      articleList: { article: articles },
      groupNumbers: product.groupNumbers ?? [],
    };
    state.products.set(productNumber, stored);
    for (const article of articles) state.touchArticle(stored, article);
    linkGroups(ctx, stored, []);
    return {
      result: 'CREATE-PRODUCT-RESULT-OK',
      productNumber,
      articleNumbers: articles.map((a) => a.articleNumber ?? 0),
      changeTimestamp: now,
      syncMarker: stored.syncMarker ?? 0,
      errorMessage: '',
    };
  },

  updateProduct: (ctx, { product }) => {
    const { state } = ctx;
    const answer = (
      result:
        | 'UPDATE-PRODUCT-RESULT-NOT-FOUND'
        | 'UPDATE-PRODUCT-RESULT-FAILED'
        | 'UPDATE-PRODUCT-RESULT-FAILED-ARTICLE-NUMBER-ALREADY-TAKEN',
      errorMessage: string,
    ) => ({
      result,
      existingArticleNumbers: [],
      newArticleNumbers: [],
      errorMessage,
    });
    const existing =
      product.productNumber === undefined ? undefined : state.products.get(product.productNumber);
    if (!existing)
      return answer(
        'UPDATE-PRODUCT-RESULT-NOT-FOUND',
        `product ${product.productNumber ?? '(no productNumber)'} does not exist`,
      );
    const groupProblem = checkGroups(state, product.groupNumbers);
    if (groupProblem) return answer('UPDATE-PRODUCT-RESULT-FAILED', groupProblem);
    const current = existing.articleList?.article ?? [];
    const byNumber = new Map(current.map((a) => [a.articleNumber ?? 0, a]));
    const requested = new Set<number>();
    const updates: { article: WireArticle; isNew: boolean }[] = [];
    for (const [index, article] of (product.articleList?.article ?? []).entries()) {
      const number = article.articleNumber;
      if (number !== undefined) {
        const owner = state.articles.get(number);
        if ((owner && owner.product !== existing) || requested.has(number)) {
          return answer(
            'UPDATE-PRODUCT-RESULT-FAILED-ARTICLE-NUMBER-ALREADY-TAKEN',
            `article number ${number} is already taken`,
          );
        }
        requested.add(number);
      }
      const base = number === undefined ? undefined : byNumber.get(number);
      const completed = completeArticle(state, base ? { ...base, ...article } : article, index);
      if (!completed.ok) return answer('UPDATE-PRODUCT-RESULT-FAILED', completed.message);
      if (base && article.priceIncl !== undefined && article.priceExcl === undefined) {
        completed.value.priceExcl = Math.round(
          (article.priceIncl * 100) / (100 + (completed.value.vatPercentage ?? 0)),
        );
      } else if (base && article.priceExcl !== undefined && article.priceIncl === undefined) {
        completed.value.priceIncl = Math.round(
          (article.priceExcl * (100 + (completed.value.vatPercentage ?? 0))) / 100,
        );
      }
      updates.push({ article: completed.value, isNew: !base });
    }
    // Checked: apply the whole change.
    const now = wireDateTime(ctx.now());
    const previousGroups = existing.groupNumbers ?? [];
    const productLevel =
      product.description !== undefined ||
      product.extraText !== undefined ||
      (product.groupNumbers ?? []).length > 0 ||
      product.sortOrderGroupList !== undefined;
    if (product.description !== undefined) existing.description = product.description;
    if (product.extraText !== undefined) existing.extraText = product.extraText;
    if (product.groupNumbers && product.groupNumbers.length > 0) existing.groupNumbers = product.groupNumbers;
    if (product.sortOrderGroupList) existing.sortOrderGroupList = product.sortOrderGroupList;
    const articles = [...current];
    const touched = new Set<WireArticle>();
    for (const { article, isNew } of updates) {
      article.articleNumber ??= nextArticleNumber(state, requested);
      article.changeTimestamp = now;
      if (isNew) {
        article.createTimestamp = now;
        articles.push(article);
      } else {
        articles[articles.findIndex((a) => a.articleNumber === article.articleNumber)] = article;
      }
      touched.add(article);
    }
    existing.articleList = { article: articles };
    for (const article of articles) {
      if (productLevel || touched.has(article)) state.touchArticle(existing, article);
    }
    linkGroups(ctx, existing, previousGroups);
    return {
      result: 'UPDATE-PRODUCT-RESULT-OK',
      existingArticleNumbers: updates.filter((u) => !u.isNew).map((u) => u.article.articleNumber ?? 0),
      newArticleNumbers: updates.filter((u) => u.isNew).map((u) => u.article.articleNumber ?? 0),
      changeTimestamp: now,
      syncMarker: existing.syncMarker ?? 0,
      errorMessage: '',
    };
  },
};
