import type { GetInvoicesRequest, Invoice, YearNumber } from '../generated/model-types';
import type { CallOptions, SoapCaller } from '../soap-caller';
import { iterateSyncPages, type SyncIterateOptions, type SyncPage } from '../sync-pages';
import { messageOf, type WithOptional } from './shared';

/**
 * Invoices. saveInvoice creates (no invoiceId) and updates; an update must carry the current
 * versionNumber and changeCounter, proving the caller saw the latest version.
 */

export type InvoicesQuery = WithOptional<GetInvoicesRequest, 'articlePluNumbers' | 'articleBarcodes'>;

export type SaveInvoiceOutcome =
  | {
      kind: 'saved';
      invoiceId: string;
      invoiceString: string;
      invoiceNumber?: YearNumber;
      invoiceBarcode?: string;
    }
  | { kind: 'not_found'; message: string }
  /** Someone changed the invoice since it was read: fetch it again and redo the change. */
  | { kind: 'invoice_changed'; message: string }
  /** The extInvoiceId is taken: the invoice is already there (find it with findInvoice). */
  | { kind: 'already_exists'; message: string }
  | { kind: 'rejected'; message: string };

export interface InvoicesApi {
  getInvoices(query?: InvoicesQuery, options?: CallOptions): Promise<Invoice[]>;
  getInvoice(invoiceId: string, options?: CallOptions): Promise<Invoice | null>;
  findInvoice(extInvoiceId: string, options?: CallOptions): Promise<Invoice | null>;
  saveInvoice(invoice: Invoice, options?: CallOptions): Promise<SaveInvoiceOutcome>;
  iterateInvoices(options?: SyncIterateOptions): AsyncGenerator<SyncPage<Invoice>, void, undefined>;
}

export function invoicesApi(caller: SoapCaller): InvoicesApi {
  const getInvoices = async (query: InvoicesQuery = {}, options?: CallOptions): Promise<Invoice[]> => {
    const request = { articlePluNumbers: {}, articleBarcodes: {}, ...query };
    const answer = await caller.call('getInvoices', { request }, options);
    return answer.invoiceList.invoice ?? [];
  };
  return {
    getInvoices,
    async getInvoice(invoiceId, options) {
      const answer = await caller.call('getInvoice', { invoiceId }, options);
      return answer.result === 'GET-INVOICE-RESULT-OK' ? (answer.invoice ?? null) : null;
    },
    async findInvoice(extInvoiceId, options) {
      const answer = await caller.call('findInvoice', { extInvoiceId }, options);
      return answer.result === 'GET-INVOICE-RESULT-OK' ? (answer.invoice ?? null) : null;
    },
    async saveInvoice(invoice, options) {
      const answer = await caller.call('saveInvoice', { invoice }, options);
      const message = messageOf(answer.errorMessage, answer.result);
      switch (answer.result) {
        case 'SAVE-INVOICE-RESULT-OK':
          return {
            kind: 'saved',
            invoiceId: answer.info.invoiceId,
            invoiceString: answer.info.invoiceString,
            ...(answer.info.invoiceNumber ? { invoiceNumber: answer.info.invoiceNumber } : {}),
            ...(answer.info.invoiceBarcode ? { invoiceBarcode: answer.info.invoiceBarcode } : {}),
          };
        case 'SAVE-INVOICE-RESULT-NOT-FOUND':
          return { kind: 'not_found', message };
        case 'SAVE-INVOICE-RESULT-INVOICE-HAS-CHANGED':
          return { kind: 'invoice_changed', message };
        case 'SAVE-INVOICE-RESULT-EXT-INVOICE-ID-ALREADY-EXISTS':
          return { kind: 'already_exists', message };
        default:
          return { kind: 'rejected', message };
      }
    },
    iterateInvoices: (options) =>
      iterateSyncPages(
        {
          operation: 'getInvoices',
          fetch: (syncMarker, syncMarkerLimit, signal) =>
            getInvoices({ syncMarker, syncMarkerLimit }, signal ? { signal } : undefined),
          markers: (invoice) => (invoice.syncMarker === undefined ? [] : [invoice.syncMarker]),
        },
        options,
      ),
  };
}
