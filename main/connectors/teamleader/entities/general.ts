import { paginate, type PageOptions } from '../paginate';
import type { TeamleaderRequest as Req } from '../schemas';
import type { CallOptions, TeamleaderTransport } from '../transport';

/** Users, departments and custom field definitions: the account's settings. */
export function generalEntities(t: TeamleaderTransport) {
  return {
    users: {
      me: (o?: CallOptions) => t.data('users.me', {}, o),
      list: (body: Req<'users.list'> = {}, o?: CallOptions) => t.data('users.list', body, o),
      iterate: (body: Omit<Req<'users.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('users.list', { ...body, page }, o), o),
      info: (body: Req<'users.info'>, o?: CallOptions) => t.data('users.info', body, o),
    },
    departments: {
      /** Not paged: returns every department. */
      list: (body: Req<'departments.list'> = {}, o?: CallOptions) => t.data('departments.list', body, o),
      info: (body: Req<'departments.info'>, o?: CallOptions) => t.data('departments.info', body, o),
    },
    customFieldDefinitions: {
      list: (body: Req<'customFieldDefinitions.list'> = {}, o?: CallOptions) =>
        t.data('customFieldDefinitions.list', body, o),
      iterate: (body: Omit<Req<'customFieldDefinitions.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('customFieldDefinitions.list', { ...body, page }, o), o),
      info: (body: Req<'customFieldDefinitions.info'>, o?: CallOptions) =>
        t.data('customFieldDefinitions.info', body, o),
    },
    webhooks: {
      register: (body: Req<'webhooks.register'>, o?: CallOptions) => t.none('webhooks.register', body, o),
      /** Not paged: every registered webhook, ordered by URL. */
      list: (o?: CallOptions) => t.data('webhooks.list', {}, o),
      unregister: (body: Req<'webhooks.unregister'>, o?: CallOptions) =>
        t.none('webhooks.unregister', body, o),
    },
  };
}
