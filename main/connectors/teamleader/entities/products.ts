import { paginate, type PageOptions } from '../paginate';
import type { TeamleaderRequest as Req } from '../schemas';
import type { CallOptions, TeamleaderTransport } from '../transport';

/** Products (list has no prices: use info), categories, units of measure and price lists. */
export function productEntities(t: TeamleaderTransport) {
  return {
    productCategories: {
      /** Not paged. */
      list: (body: Req<'productCategories.list'> = {}, o?: CallOptions) =>
        t.data('productCategories.list', body, o),
    },
    unitsOfMeasure: {
      list: (o?: CallOptions) => t.data('unitsOfMeasure.list', {}, o),
    },
    priceLists: {
      list: (body: Req<'priceLists.list'> = {}, o?: CallOptions) => t.data('priceLists.list', body, o),
    },
    products: {
      /** `filter.term` matches name or code (SKU). */
      list: (body: Req<'products.list'> = {}, o?: CallOptions) => t.data('products.list', body, o),
      iterate: (body: Omit<Req<'products.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('products.list', { ...body, page }, o), o),
      info: (body: Req<'products.info'>, o?: CallOptions) => t.data('products.info', body, o),
      add: (body: Req<'products.add'>, o?: CallOptions) => t.ref('products.add', body, o),
      /** `stock.amount` is accepted only when the account's stock feature is on. */
      update: (body: Req<'products.update'>, o?: CallOptions) => t.none('products.update', body, o),
      delete: (body: Req<'products.delete'>, o?: CallOptions) => t.none('products.delete', body, o),
    },
  };
}
