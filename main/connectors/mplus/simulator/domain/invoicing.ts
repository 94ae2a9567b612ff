import { amsterdamWallClock } from '../../conversions';
import type {
  InvoiceState,
  SaveInvoiceResult,
  WireInvoice,
  WireOrder,
  WirePayment,
} from '../../generated/wire-types';
import type { TwinState } from '../state/twin-state';
import { wireDate, wireDateTime } from './clock';
import { applyTotals, prepareLines, type Checked } from './sales';

/**
 * Invoices: saveInvoice creates (no invoiceId) or updates (with the current versionNumber and
 * changeCounter); paying an order in full invoices it. extInvoiceId is unique.
 */

const DAY_MS = 86_400_000;

function invoiceState(total: number, paid: number): InvoiceState {
  if (total < 0) return 'INVOICE-STATE-OUTSTANDING-CREDIT';
  if (paid >= total) return 'INVOICE-STATE-PAID';
  return paid > 0 ? 'INVOICE-STATE-PARTLY-PAID' : 'INVOICE-STATE-OUTSTANDING';
}

function settle(invoice: WireInvoice): void {
  const paid = (invoice.paymentList?.payment ?? []).reduce((sum, payment) => sum + payment.amount, 0);
  invoice.paidAmount = paid;
  invoice.state = invoiceState(invoice.totalInclAmount ?? 0, paid);
}

function numberInvoice(state: TwinState, invoice: WireInvoice, year: number): void {
  const number = (state.counters.invoiceNumbers[String(year)] ?? 0) + 1;
  state.counters.invoiceNumbers[String(year)] = number;
  invoice.invoiceNumber = { year, number };
  invoice.transactionString = `F${year}-${String(number).padStart(6, '0')}`;
  invoice.invoiceBarcode = `9${year}${String(number).padStart(7, '0')}`;
}

export type SaveOutcome = { result: SaveInvoiceResult; invoice?: WireInvoice; message: string };

/** saveInvoice without invoiceId. */
export function createInvoice(state: TwinState, input: WireInvoice, now: number): SaveOutcome {
  if (input.extInvoiceId && state.invoicesByExtId.has(input.extInvoiceId)) {
    return {
      result: 'SAVE-INVOICE-RESULT-EXT-INVOICE-ID-ALREADY-EXISTS',
      message: `extInvoiceId "${input.extInvoiceId}" already exists`,
    };
  }
  const checked = completeInvoice(state, input, now);
  if (!checked.ok) return { result: 'SAVE-INVOICE-RESULT-FAILED', message: checked.message };
  const invoice = checked.value;
  invoice.invoiceId = state.nextUuid('invoice');
  numberInvoice(state, invoice, invoice.financialDate?.year ?? amsterdamWallClock(now).year);
  invoice.changeCounter = 1;
  invoice.versionNumber = 1;
  invoice.syncMarker = state.nextMarker('invoice');
  state.putInvoice(invoice);
  return { result: 'SAVE-INVOICE-RESULT-OK', invoice, message: '' };
}

/** saveInvoice with invoiceId: optimistic concurrency on versionNumber + changeCounter. */
export function updateInvoice(state: TwinState, input: WireInvoice, now: number): SaveOutcome {
  const existing = state.invoices.get(input.invoiceId ?? '');
  if (!existing)
    return { result: 'SAVE-INVOICE-RESULT-NOT-FOUND', message: `invoice ${input.invoiceId} does not exist` };
  if (input.versionNumber !== existing.versionNumber || input.changeCounter !== existing.changeCounter) {
    return {
      result: 'SAVE-INVOICE-RESULT-INVOICE-HAS-CHANGED',
      message:
        `invoice ${existing.invoiceId} is at versionNumber ${existing.versionNumber}, changeCounter ` +
        `${existing.changeCounter}; fetch it again and send its current values`,
    };
  }
  if (existing.finalized) {
    return { result: 'SAVE-INVOICE-RESULT-FAILED', message: `invoice ${existing.invoiceId} is finalized` };
  }
  if (
    input.extInvoiceId &&
    input.extInvoiceId !== existing.extInvoiceId &&
    state.invoicesByExtId.has(input.extInvoiceId)
  ) {
    return {
      result: 'SAVE-INVOICE-RESULT-EXT-INVOICE-ID-ALREADY-EXISTS',
      message: `extInvoiceId "${input.extInvoiceId}" already exists`,
    };
  }
  // The server owns numbers, links and states: what a client sends for them is ignored.
  const {
    invoiceNumber: _number,
    invoiceBarcode: _barcode,
    transactionString: _transaction,
    orderIds: _orderIds,
    paidAmount: _paid,
    state: _state,
    finalized: _finalized,
    finalizedTimestamp: _finalizedAt,
    ...changes
  } = input;
  const merged: WireInvoice = { ...existing, ...changes };
  if (!input.lineList) merged.lineList = existing.lineList;
  const checked = completeInvoice(state, merged, now);
  if (!checked.ok) return { result: 'SAVE-INVOICE-RESULT-FAILED', message: checked.message };
  const invoice = checked.value;
  if (existing.extInvoiceId && existing.extInvoiceId !== invoice.extInvoiceId)
    state.invoicesByExtId.delete(existing.extInvoiceId);
  invoice.changeCounter = (existing.changeCounter ?? 0) + 1;
  invoice.versionNumber = (existing.versionNumber ?? 0) + 1;
  invoice.syncMarker = state.nextMarker('invoice');
  state.putInvoice(invoice);
  return { result: 'SAVE-INVOICE-RESULT-OK', invoice, message: '' };
}

/** Checks references and fills in defaults, lines and totals (shared by create and update). */
function completeInvoice(state: TwinState, input: WireInvoice, now: number): Checked<WireInvoice> {
  const employeeNumber = input.employeeNumber ?? 999999;
  const employee = state.employees.get(employeeNumber);
  if (!employee) return { ok: false, message: `employee ${employeeNumber} does not exist` };
  const relation = input.relationNumber === undefined ? undefined : state.relations.get(input.relationNumber);
  if (input.relationNumber !== undefined && !relation) {
    return { ok: false, message: `relation ${input.relationNumber} does not exist` };
  }
  const branchNumber =
    input.financialBranchNumber ?? input.entryBranchNumber ?? [...state.branches.keys()][0] ?? 1;
  if (!state.branches.has(branchNumber))
    return { ok: false, message: `branch ${branchNumber} does not exist` };
  const vatMethod = input.vatMethod ?? 'VAT-METHOD-INCLUSIVE';
  const lines = prepareLines(state, input.lineList?.line ?? [], vatMethod, 'invoice.lineList.line');
  if (!lines.ok) return lines;
  const financialDate = input.financialDate ?? wireDate(now);
  const dueDays = relation?.paymentWithinDays ?? 14;
  const financialMs = Date.UTC(financialDate.year, financialDate.mon - 1, financialDate.day, 12);
  const invoice: WireInvoice = {
    ...input,
    invoiceType: input.invoiceType ?? 'INVOICE-TYPE-INVOICE',
    employeeNumber,
    employeeName: employee.name ?? '',
    entryTimestamp: input.entryTimestamp ?? wireDateTime(now),
    ...(relation ? { relationName: relation.name ?? relation.companyName ?? '' } : {}),
    financialDate,
    financialBranchNumber: branchNumber,
    entryBranchNumber: input.entryBranchNumber ?? branchNumber,
    dueDate: input.dueDate ?? wireDate(financialMs + dueDays * DAY_MS),
    vatMethod,
    lineList: { line: lines.value },
    paymentList: { payment: input.paymentList?.payment ?? [] },
  };
  const withTotals = applyTotals(state, invoice, branchNumber);
  if (!withTotals.ok) return withTotals;
  settle(invoice);
  return { ok: true, value: invoice };
}

/** The invoice of an order paid in full (payOrder without prepay, createOrderV3 with payments). */
export function invoiceOrder(
  state: TwinState,
  order: WireOrder,
  payments: WirePayment[],
  now: number,
): string {
  const invoice: WireInvoice = {
    invoiceId: state.nextUuid('invoice'),
    orderIds: { id: [order.orderId] },
    ...(order.extOrderId ? { extOrderIds: { id: [order.extOrderId] } } : {}),
    invoiceType: 'INVOICE-TYPE-DIRECT-INVOICE',
    employeeNumber: order.employeeNumber ?? 999999,
    employeeName: order.employeeName ?? '',
    entryTimestamp: wireDateTime(now),
    ...(order.relationNumber === undefined ? {} : { relationNumber: order.relationNumber }),
    ...(order.relationName === undefined ? {} : { relationName: order.relationName }),
    ...(order.invoiceAddress ? { invoiceAddress: order.invoiceAddress } : {}),
    ...(order.deliveryAddress ? { deliveryAddress: order.deliveryAddress } : {}),
    financialDate: order.financialDate ?? wireDate(now),
    financialBranchNumber: order.financialBranchNumber ?? 1,
    ...(order.workplaceNumber === undefined ? {} : { workplaceNumber: order.workplaceNumber }),
    entryBranchNumber: order.entryBranchNumber ?? 1,
    ...(order.reference === undefined ? {} : { reference: order.reference }),
    totalInclAmount: order.totalInclAmount ?? 0,
    totalExclAmount: order.totalExclAmount ?? 0,
    vatMethod: order.vatMethod ?? 'VAT-METHOD-INCLUSIVE',
    ...(order.vatGroupList ? { vatGroupList: order.vatGroupList } : {}),
    changeCounter: 1,
    versionNumber: 1,
    finalized: true,
    finalizedTimestamp: wireDateTime(now),
    lineList: order.lineList ?? { line: [] },
    paymentList: { payment: payments },
  };
  numberInvoice(state, invoice, invoice.financialDate?.year ?? amsterdamWallClock(now).year);
  settle(invoice);
  invoice.syncMarker = state.nextMarker('invoice');
  state.putInvoice(invoice);
  return invoice.invoiceId ?? '';
}
