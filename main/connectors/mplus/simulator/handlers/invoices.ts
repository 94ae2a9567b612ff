import { createInvoice, updateInvoice } from '../domain/invoicing';
import { setFilter, syncPage, type OperationHandlers } from './context';
import { salesFilter, invoiceHeader } from './sales-filters';

/** Invoices: saveInvoice creates (no invoiceId) or updates with optimistic concurrency. */
export const invoiceHandlers: Pick<
  OperationHandlers,
  'getInvoices' | 'getInvoice' | 'findInvoice' | 'saveInvoice'
> = {
  getInvoices: (ctx, { request }) => {
    const { state } = ctx;
    const ids = setFilter(request.invoiceIds);
    const matches = salesFilter(request, (n) => state.articles.get(n)?.article);
    const invoices = syncPage(
      state.sync.invoice,
      request.syncMarker,
      request.syncMarkerLimit,
      (id) => state.invoices.get(id),
      (invoice) => (!ids || ids(invoice.invoiceId)) && matches(invoice),
    );
    return {
      invoiceList: { invoice: request.includeLineList === false ? invoices.map(invoiceHeader) : invoices },
    };
  },

  getInvoice: (ctx, { invoiceId }) => {
    const invoice = ctx.state.invoices.get(invoiceId);
    return invoice
      ? { result: 'GET-INVOICE-RESULT-OK', invoice }
      : { result: 'GET-INVOICE-RESULT-NOT-FOUND' };
  },

  findInvoice: (ctx, { extInvoiceId }) => {
    const invoice = ctx.state.invoicesByExtId.get(extInvoiceId);
    return invoice
      ? { result: 'GET-INVOICE-RESULT-OK', invoice }
      : { result: 'GET-INVOICE-RESULT-NOT-FOUND' };
  },

  saveInvoice: (ctx, { invoice }) => {
    const outcome = invoice.invoiceId
      ? updateInvoice(ctx.state, invoice, ctx.now())
      : createInvoice(ctx.state, invoice, ctx.now());
    const saved = outcome.invoice;
    return {
      result: outcome.result,
      info: {
        invoiceId: saved?.invoiceId ?? invoice.invoiceId ?? '',
        invoiceString: saved?.transactionString ?? '',
        ...(saved?.invoiceNumber ? { invoiceNumber: saved.invoiceNumber } : {}),
        ...(saved?.invoiceBarcode ? { invoiceBarcode: saved.invoiceBarcode } : {}),
      },
      errorMessage: outcome.message,
    };
  },
};
