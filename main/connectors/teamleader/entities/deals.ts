import { paginate, type PageOptions } from '../paginate';
import type { TeamleaderRequest as Req } from '../schemas';
import type { CallOptions, TeamleaderTransport } from '../transport';

/** Deal pipelines, phases, sources, lost reasons, deals, quotations (always on a deal) and orders. */
export function dealEntities(t: TeamleaderTransport) {
  return {
    dealPipelines: {
      list: (body: Req<'dealPipelines.list'> = {}, o?: CallOptions) => t.data('dealPipelines.list', body, o),
      iterate: (body: Omit<Req<'dealPipelines.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('dealPipelines.list', { ...body, page }, o), o),
    },
    dealPhases: {
      list: (body: Req<'dealPhases.list'> = {}, o?: CallOptions) => t.data('dealPhases.list', body, o),
      iterate: (body: Omit<Req<'dealPhases.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('dealPhases.list', { ...body, page }, o), o),
    },
    dealSources: {
      list: (body: Req<'dealSources.list'> = {}, o?: CallOptions) => t.data('dealSources.list', body, o),
    },
    lostReasons: {
      list: (body: Req<'lostReasons.list'> = {}, o?: CallOptions) => t.data('lostReasons.list', body, o),
    },
    deals: {
      list: (body: Req<'deals.list'> = {}, o?: CallOptions) => t.data('deals.list', body, o),
      iterate: (body: Omit<Req<'deals.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('deals.list', { ...body, page }, o), o),
      info: (body: Req<'deals.info'>, o?: CallOptions) => t.data('deals.info', body, o),
      create: (body: Req<'deals.create'>, o?: CallOptions) => t.ref('deals.create', body, o),
      update: (body: Req<'deals.update'>, o?: CallOptions) => t.none('deals.update', body, o),
      move: (body: Req<'deals.move'>, o?: CallOptions) => t.none('deals.move', body, o),
      win: (body: Req<'deals.win'>, o?: CallOptions) => t.none('deals.win', body, o),
      lose: (body: Req<'deals.lose'>, o?: CallOptions) => t.none('deals.lose', body, o),
      delete: (body: Req<'deals.delete'>, o?: CallOptions) => t.none('deals.delete', body, o),
    },
    quotations: {
      list: (body: Req<'quotations.list'> = {}, o?: CallOptions) => t.data('quotations.list', body, o),
      iterate: (body: Omit<Req<'quotations.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('quotations.list', { ...body, page }, o), o),
      info: (body: Req<'quotations.info'>, o?: CallOptions) => t.data('quotations.info', body, o),
      create: (body: Req<'quotations.create'>, o?: CallOptions) => t.ref('quotations.create', body, o),
      update: (body: Req<'quotations.update'>, o?: CallOptions) => t.none('quotations.update', body, o),
      accept: (body: Req<'quotations.accept'>, o?: CallOptions) => t.none('quotations.accept', body, o),
      delete: (body: Req<'quotations.delete'>, o?: CallOptions) => t.none('quotations.delete', body, o),
    },
    orders: {
      /** Read-only and not paged. */
      list: (body: Req<'orders.list'> = {}, o?: CallOptions) => t.data('orders.list', body, o),
      info: (body: Req<'orders.info'>, o?: CallOptions) => t.data('orders.info', body, o),
    },
  };
}
