import { paginate, type PageOptions } from '../paginate';
import type { TeamleaderRequest as Req } from '../schemas';
import type { CallOptions, TeamleaderTransport } from '../transport';

/** Tax rates, payment terms and methods, and invoices (draft → book → registerPayment). */
export function invoicingEntities(t: TeamleaderTransport) {
  return {
    taxRates: {
      list: (body: Req<'taxRates.list'> = {}, o?: CallOptions) => t.data('taxRates.list', body, o),
      iterate: (body: Omit<Req<'taxRates.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('taxRates.list', { ...body, page }, o), o),
    },
    withholdingTaxRates: {
      /** Not paged. */
      list: (body: Req<'withholdingTaxRates.list'> = {}, o?: CallOptions) =>
        t.data('withholdingTaxRates.list', body, o),
    },
    paymentTerms: {
      /** Not paged. The default term's id is in `meta.default` of `client.call('paymentTerms.list', {})`. */
      list: (o?: CallOptions) => t.data('paymentTerms.list', {}, o),
    },
    paymentMethods: {
      list: (body: Req<'paymentMethods.list'> = {}, o?: CallOptions) =>
        t.data('paymentMethods.list', body, o),
      iterate: (body: Omit<Req<'paymentMethods.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('paymentMethods.list', { ...body, page }, o), o),
    },
    invoices: {
      list: (body: Req<'invoices.list'> = {}, o?: CallOptions) => t.data('invoices.list', body, o),
      iterate: (body: Omit<Req<'invoices.list'>, 'page'> = {}, o?: CallOptions & PageOptions) =>
        paginate((page) => t.data('invoices.list', { ...body, page }, o), o),
      info: (body: Req<'invoices.info'>, o?: CallOptions) => t.data('invoices.info', body, o),
      draft: (body: Req<'invoices.draft'>, o?: CallOptions) => t.ref('invoices.draft', body, o),
      /** Drafts only; collections (grouped_lines, discounts, custom_fields) are replaced wholesale. */
      update: (body: Req<'invoices.update'>, o?: CallOptions) => t.none('invoices.update', body, o),
      /** Assigns the invoice number; never retried after a lost answer (not idempotent). */
      book: (body: Req<'invoices.book'>, o?: CallOptions) => t.none('invoices.book', body, o),
      /** Never retried after a lost answer: a second call would register the payment twice. */
      registerPayment: (body: Req<'invoices.registerPayment'>, o?: CallOptions) =>
        t.none('invoices.registerPayment', body, o),
      removePayments: (body: Req<'invoices.removePayments'>, o?: CallOptions) =>
        t.none('invoices.removePayments', body, o),
      delete: (body: Req<'invoices.delete'>, o?: CallOptions) => t.none('invoices.delete', body, o),
    },
  };
}
