import { paginate, type PageOptions } from '../paginate';
import type { TeamleaderRequest as Req } from '../schemas';
import type { CallOptions, TeamleaderTransport } from '../transport';

/** Contacts, companies and the links between them. Updates replace collections wholesale. */
export function crmEntities(t: TeamleaderTransport) {
  return {
    contacts: {
      /** Filters: email `{type:'primary', email}`, ids, company_id, term, updated_since, tags, status. */
      list: (body: Req<'contacts.list'> = {}, o?: CallOptions) => t.data('contacts.list', body, o),
      iterate: (body: Omit<Req<'contacts.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('contacts.list', { ...body, page }, o), o),
      info: (body: Req<'contacts.info'>, o?: CallOptions) => t.data('contacts.info', body, o),
      add: (body: Req<'contacts.add'>, o?: CallOptions) => t.ref('contacts.add', body, o),
      update: (body: Req<'contacts.update'>, o?: CallOptions) => t.none('contacts.update', body, o),
      delete: (body: Req<'contacts.delete'>, o?: CallOptions) => t.none('contacts.delete', body, o),
      tag: (body: Req<'contacts.tag'>, o?: CallOptions) => t.none('contacts.tag', body, o),
      untag: (body: Req<'contacts.untag'>, o?: CallOptions) => t.none('contacts.untag', body, o),
      linkToCompany: (body: Req<'contacts.linkToCompany'>, o?: CallOptions) =>
        t.none('contacts.linkToCompany', body, o),
      unlinkFromCompany: (body: Req<'contacts.unlinkFromCompany'>, o?: CallOptions) =>
        t.none('contacts.unlinkFromCompany', body, o),
      updateCompanyLink: (body: Req<'contacts.updateCompanyLink'>, o?: CallOptions) =>
        t.none('contacts.updateCompanyLink', body, o),
    },
    companies: {
      list: (body: Req<'companies.list'> = {}, o?: CallOptions) => t.data('companies.list', body, o),
      iterate: (body: Omit<Req<'companies.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('companies.list', { ...body, page }, o), o),
      info: (body: Req<'companies.info'>, o?: CallOptions) => t.data('companies.info', body, o),
      add: (body: Req<'companies.add'>, o?: CallOptions) => t.ref('companies.add', body, o),
      update: (body: Req<'companies.update'>, o?: CallOptions) => t.none('companies.update', body, o),
      delete: (body: Req<'companies.delete'>, o?: CallOptions) => t.none('companies.delete', body, o),
      tag: (body: Req<'companies.tag'>, o?: CallOptions) => t.none('companies.tag', body, o),
      untag: (body: Req<'companies.untag'>, o?: CallOptions) => t.none('companies.untag', body, o),
    },
    businessTypes: {
      list: (body: Req<'businessTypes.list'>, o?: CallOptions) => t.data('businessTypes.list', body, o),
    },
  };
}
