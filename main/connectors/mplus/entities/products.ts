import type { GetProductsRequest, Product } from '../generated/model-types';
import type { CallOptions, SoapCaller } from '../soap-caller';
import { iterateSyncPages, type SyncIterateOptions, type SyncPage } from '../sync-pages';
import { messageOf, type WithOptional } from './shared';

/** Products group articles; articles (numeric articleNumber) are what is sold, stocked and priced. */

export type ProductsQuery = WithOptional<GetProductsRequest, 'pluNumbers'>;

export type CreateProductOutcome =
  | { kind: 'created'; productNumber: number; articleNumbers: number[]; syncMarker?: number }
  | { kind: 'product_number_taken'; message: string }
  | { kind: 'article_number_taken'; message: string }
  | { kind: 'rejected'; message: string };

export type UpdateProductOutcome =
  | { kind: 'updated'; existingArticleNumbers: number[]; newArticleNumbers: number[]; syncMarker?: number }
  | { kind: 'not_found'; message: string }
  | { kind: 'not_allowed'; message: string }
  | { kind: 'article_number_taken'; message: string }
  | { kind: 'rejected'; message: string };

export interface ProductsApi {
  /** getProducts by syncMarker, articleNumbers, productNumbers, groupNumbers or PLU. */
  getProducts(query?: ProductsQuery, options?: CallOptions): Promise<Product[]>;
  /** getProducts for these article numbers (each product holds only the matching articles). */
  getProductsByArticleNumbers(articleNumbers: number[], options?: CallOptions): Promise<Product[]>;
  createProduct(product: Product, options?: CallOptions): Promise<CreateProductOutcome>;
  /** Articles without an articleNumber are added to the product as new articles. */
  updateProduct(product: Product, options?: CallOptions): Promise<UpdateProductOutcome>;
  /**
   * Pages of products changed at or after `syncMarker`; `limit` counts articles. A product holds
   * only its changed articles, and may appear in two pages when its articles changed at different
   * times: process records idempotently (per article).
   */
  iterateProducts(options?: SyncIterateOptions): AsyncGenerator<SyncPage<Product>, void, undefined>;
}

const productMarkers = (product: Product): number[] => {
  const markers = (product.articleList?.article ?? []).flatMap((article) =>
    article.syncMarker === undefined ? [] : [article.syncMarker],
  );
  if (markers.length === 0 && product.syncMarker !== undefined) markers.push(product.syncMarker);
  return markers;
};

export function productsApi(caller: SoapCaller): ProductsApi {
  const getProducts = async (query: ProductsQuery = {}, options?: CallOptions): Promise<Product[]> => {
    const answer = await caller.call('getProducts', { request: { pluNumbers: {}, ...query } }, options);
    return answer.productList.product ?? [];
  };
  return {
    getProducts,
    getProductsByArticleNumbers: (articleNumbers, options) => getProducts({ articleNumbers }, options),
    async createProduct(product, options) {
      const answer = await caller.call('createProduct', { product }, options);
      const message = messageOf(answer.errorMessage, answer.result);
      switch (answer.result) {
        case 'CREATE-PRODUCT-RESULT-OK':
          return {
            kind: 'created',
            productNumber: answer.productNumber,
            articleNumbers: answer.articleNumbers ?? [],
            ...(answer.syncMarker === undefined ? {} : { syncMarker: answer.syncMarker }),
          };
        case 'CREATE-PRODUCT-RESULT-FAILED-PRODUCT-NUMBER-ALREADY-TAKEN':
          return { kind: 'product_number_taken', message };
        case 'CREATE-PRODUCT-RESULT-FAILED-ARTICLE-NUMBER-ALREADY-TAKEN':
          return { kind: 'article_number_taken', message };
        default:
          return { kind: 'rejected', message };
      }
    },
    async updateProduct(product, options) {
      const answer = await caller.call('updateProduct', { product }, options);
      const message = messageOf(answer.errorMessage, answer.result);
      switch (answer.result) {
        case 'UPDATE-PRODUCT-RESULT-OK':
          return {
            kind: 'updated',
            existingArticleNumbers: answer.existingArticleNumbers ?? [],
            newArticleNumbers: answer.newArticleNumbers ?? [],
            ...(answer.syncMarker === undefined ? {} : { syncMarker: answer.syncMarker }),
          };
        case 'UPDATE-PRODUCT-RESULT-NOT-FOUND':
          return { kind: 'not_found', message };
        case 'UPDATE-PRODUCT-RESULT-NOT-ALLOWED':
          return { kind: 'not_allowed', message };
        case 'UPDATE-PRODUCT-RESULT-FAILED-ARTICLE-NUMBER-ALREADY-TAKEN':
          return { kind: 'article_number_taken', message };
        default:
          return { kind: 'rejected', message };
      }
    },
    iterateProducts: (options) =>
      iterateSyncPages(
        {
          operation: 'getProducts',
          fetch: (syncMarker, syncMarkerLimit, signal) =>
            getProducts({ syncMarker, syncMarkerLimit }, signal ? { signal } : undefined),
          markers: productMarkers,
        },
        options,
      ),
  };
}
