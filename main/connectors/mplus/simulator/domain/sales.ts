import { unscaleQuantity } from '../../conversions';
import type { PayOrderResult, VatMethod, WireLine, WireOrder, WirePayment } from '../../generated/wire-types';
import type { TwinState } from '../state/twin-state';
import { wireDate, wireDateTime } from './clock';
import { changeStock } from './stock';
import { computeTotals, VatConfigurationError } from './totals';

/**
 * Order rules of the twin: lines must name existing articles, prices and VAT codes default from
 * the article, totals come from the lines and the administration's VAT rates, extOrderId is unique,
 * and stock is reserved on order and taken on delivery.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** The VAT rate of a code at a branch (VatGroup rows per branch). */
export function vatRate(state: TwinState, branchNumber: number, vatCode: number): number | undefined {
  const group =
    state.reference.vatGroups.find((g) => g.vatCode === vatCode && g.branchNumber === branchNumber) ??
    state.reference.vatGroups.find((g) => g.vatCode === vatCode);
  return group?.vatPercentage;
}

/** Completes lines from the article master data (text, price, VAT code, turnover group). */
export function prepareLines(
  state: TwinState,
  lines: readonly WireLine[],
  vatMethod: VatMethod,
  path: string,
): Checked<WireLine[]> {
  const prepared: WireLine[] = [];
  for (const [index, line] of lines.entries()) {
    const entry = state.articles.get(line.articleNumber);
    if (!entry) return fail(`${path}[${index}]: article ${line.articleNumber} does not exist`);
    const { article } = entry;
    const data = line.data ?? { quantity: 1, decimalPlaces: 0 };
    const turnover = state.reference.turnoverGroups.find((g) => g.turnoverGroup === article.turnoverGroup);
    const price =
      data.price ?? (vatMethod === 'VAT-METHOD-EXCLUSIVE' ? article.priceExcl : article.priceIncl) ?? 0;
    prepared.push({
      ...line,
      lineId: line.lineId || state.nextHexId('line'),
      text: line.text ?? article.description ?? '',
      ...(article.pluNumber ? { pluNumber: line.pluNumber ?? article.pluNumber } : {}),
      data: {
        ...data,
        decimalPlaces: data.decimalPlaces ?? 0,
        price,
        vatCode: data.vatCode ?? article.vatCode ?? 2,
        ...(article.turnoverGroup === undefined
          ? {}
          : { turnoverGroup: data.turnoverGroup ?? article.turnoverGroup }),
        ...(turnover
          ? { turnoverGroupName: turnover.turnoverGroupName, turnoverGroupType: turnover.turnoverGroupType }
          : {}),
        ...(article.purchasePrice === undefined
          ? {}
          : { purchasePrice: data.purchasePrice ?? article.purchasePrice }),
      },
    });
  }
  return { ok: true, value: prepared };
}

/** Fills in totals and the VAT groups; fails like the server when a VAT code has no rate. */
export function applyTotals<T extends { lineList?: { line?: WireLine[] }; vatMethod?: VatMethod }>(
  state: TwinState,
  record: T,
  branchNumber: number,
): Checked<T & { totalInclAmount: number; totalExclAmount: number }> {
  try {
    const totals = computeTotals(
      record.lineList?.line ?? [],
      record.vatMethod ?? 'VAT-METHOD-INCLUSIVE',
      (code) => vatRate(state, branchNumber, code),
    );
    return {
      ok: true,
      value: Object.assign(record, {
        totalInclAmount: totals.totalInclAmount,
        totalExclAmount: totals.totalExclAmount,
        vatGroupList: { vatGroup: totals.vatGroups },
      }),
    };
  } catch (error) {
    if (error instanceof VatConfigurationError) return fail(error.message);
    throw error;
  }
}

function nextNumber(counters: Record<string, number>, year: number): { year: number; number: number } {
  const number = (counters[String(year)] ?? 0) + 1;
  counters[String(year)] = number;
  return { year, number };
}

function lineQuantity(line: WireLine): number {
  return line.data ? unscaleQuantity(line.data.quantity, line.data.decimalPlaces ?? 0) : 0;
}

function moveStock(state: TwinState, order: WireOrder, change: 'reserve' | 'deliver', now: number): void {
  const branch = order.financialBranchNumber ?? order.entryBranchNumber ?? 1;
  for (const line of order.lineList?.line ?? []) {
    const article = state.articles.get(line.articleNumber)?.article;
    if (!article || article.stockArticle === false) continue;
    const quantity = lineQuantity(line);
    const delta = change === 'reserve' ? { reserved: quantity } : { reserved: -quantity, free: -quantity };
    changeStock(state, branch, line.articleNumber, { delta }, now);
  }
}

export interface CreateOrderOptions {
  /** POS sales may be walk-in customers; API orders need a relation (tutorial). */
  allowWithoutRelation?: boolean;
}

/** Validates and stores a new order. `exists` when the extOrderId is taken. */
export function createOrder(
  state: TwinState,
  input: WireOrder,
  now: number,
  options: CreateOrderOptions = {},
): Checked<WireOrder> | { ok: false; exists: WireOrder } {
  if (input.extOrderId) {
    const existing = state.ordersByExtId.get(input.extOrderId);
    if (existing) return { ok: false, exists: existing };
  }
  if (input.employeeNumber === undefined)
    return fail('order.employeeNumber is required (999999 is the API user)');
  const employee = state.employees.get(input.employeeNumber);
  if (!employee) return fail(`employee ${input.employeeNumber} does not exist`);
  const relation = input.relationNumber === undefined ? undefined : state.relations.get(input.relationNumber);
  if (input.relationNumber !== undefined && !relation)
    return fail(`relation ${input.relationNumber} does not exist`);
  if (!relation && !options.allowWithoutRelation)
    return fail('an order needs a relation (order.relationNumber)');
  const entryBranchNumber = input.entryBranchNumber ?? [...state.branches.keys()][0] ?? 1;
  const branch = state.branches.get(entryBranchNumber);
  if (!branch) return fail(`branch ${entryBranchNumber} does not exist`);
  const financialBranchNumber = input.financialBranchNumber ?? entryBranchNumber;
  if (!state.branches.has(financialBranchNumber))
    return fail(`branch ${financialBranchNumber} does not exist`);
  if (input.workplaceNumber !== undefined) {
    const workplaces = branch.workplaces?.workplace ?? [];
    if (!workplaces.some((w) => w.workplaceNumber === input.workplaceNumber)) {
      return fail(`workplace ${input.workplaceNumber} does not exist in branch ${entryBranchNumber}`);
    }
  }
  if (
    input.deliveryMethod &&
    !state.reference.deliveryMethods.some((m) => m.deliveryMethod === input.deliveryMethod)
  ) {
    return fail(`delivery method "${input.deliveryMethod}" does not exist`);
  }
  const vatMethod = input.vatMethod ?? 'VAT-METHOD-INCLUSIVE';
  const lines = prepareLines(state, input.lineList?.line ?? [], vatMethod, 'order.lineList.line');
  if (!lines.ok) return lines;
  if (lines.value.length === 0) return fail('an order needs at least one line');

  const financialDate = input.financialDate ?? wireDate(now);
  // The server owns ids, numbers, links and states: what a client sends for them is ignored.
  const {
    invoiceIds: _invoiceIds,
    extInvoiceIds: _extInvoiceIds,
    packingSlipIds: _packingSlipIds,
    invoiceNumbers: _invoiceNumbers,
    ...fields
  } = input;
  const order: WireOrder = {
    ...fields,
    orderId: state.nextHexId('order'),
    orderType: input.orderType ?? 'ORDER-TYPE-SALES-ORDER',
    entryBranchNumber,
    employeeNumber: input.employeeNumber,
    employeeName: employee.name ?? '',
    entryTimestamp: input.entryTimestamp ?? wireDateTime(now),
    ...(relation ? { relationName: relation.name ?? relation.companyName ?? '' } : {}),
    financialDate,
    financialBranchNumber,
    vatMethod,
    lineList: { line: lines.value },
    paymentList: { payment: [] },
    prepaidAmount: 0,
    fullyPaid: false,
    deliveryState: 'ORDER-DELIVERY-STATE-NOTHING',
    cancelState: 'ORDER-CANCEL-STATE-NOTHING',
    completeState: 'ORDER-COMPLETE-STATE-NOTHING',
    orderNumber: nextNumber(state.counters.orderNumbers, financialDate.year),
    changeCounter: 1,
    versionNumber: 1,
  };
  order.transactionString = `O${order.orderNumber?.year}-${String(order.orderNumber?.number).padStart(6, '0')}`;
  const withTotals = applyTotals(state, order, financialBranchNumber);
  if (!withTotals.ok) return withTotals;
  order.syncMarker = state.nextMarker('order');
  state.putOrder(order);
  moveStock(state, order, 'reserve', now);
  return { ok: true, value: order };
}

export interface PayResult {
  result: PayOrderResult;
  invoiceId?: string;
  message: string;
}

/** Checks payments against the payment methods and completes them from the order. */
function preparePayments(
  state: TwinState,
  order: WireOrder,
  payments: readonly WirePayment[],
  now: number,
): Checked<WirePayment[]> {
  const prepared: WirePayment[] = [];
  for (const [index, payment] of payments.entries()) {
    const method = state.reference.paymentMethods.find((m) => m.method === payment.method);
    if (!method || method.active === false) {
      return fail(`paymentList.payment[${index}]: payment method "${payment.method}" does not exist`);
    }
    if (payment.amount < 0 && !method.allowNegativeAmount) {
      return fail(`paymentList.payment[${index}]: ${payment.method} does not allow negative amounts`);
    }
    prepared.push({
      ...payment,
      paymentId: payment.paymentId || state.nextUuid('payment'),
      financialDate: payment.financialDate ?? wireDate(now),
      entryTimestamp: payment.entryTimestamp ?? wireDateTime(now),
      branchNumber: payment.branchNumber ?? order.financialBranchNumber ?? 1,
      employeeNumber: payment.employeeNumber ?? order.employeeNumber ?? 999999,
      description: payment.description ?? method.description,
      ...(method.type ? { paymentMethodType: method.type } : {}),
    });
  }
  return { ok: true, value: prepared };
}

/**
 * payOrder semantics (tutorial): prepay registers a prepayment only; otherwise the order is paid in
 * full, delivered and invoiced in one go (answering the invoiceId).
 */
export function payOrder(
  state: TwinState,
  order: WireOrder,
  payments: readonly WirePayment[],
  prepay: boolean,
  now: number,
  createInvoiceFromOrder: (order: WireOrder, payments: WirePayment[]) => string,
): PayResult {
  if ((order.invoiceIds?.id ?? []).length > 0) {
    return {
      result: 'PAY-ORDER-RESULT-ORDER-ALREADY-INVOICED',
      message: `order ${order.orderId} is already invoiced`,
    };
  }
  const prepared = preparePayments(state, order, payments, now);
  if (!prepared.ok) return { result: 'PAY-ORDER-RESULT-FAILED', message: prepared.message };
  const sum = prepared.value.reduce((total, payment) => total + payment.amount, 0);
  const prepaid = order.prepaidAmount ?? 0;
  const total = order.totalInclAmount ?? 0;
  if (!prepay && prepaid + sum < total) {
    return {
      result: 'PAY-ORDER-RESULT-PAYMENT-INSUFFICIENT',
      message: `payments of ${sum} cents (plus ${prepaid} prepaid) do not cover the order total of ${total} cents`,
    };
  }
  const allPayments = [...(order.paymentList?.payment ?? []), ...prepared.value];
  order.paymentList = { payment: allPayments };
  order.changeCounter = (order.changeCounter ?? 0) + 1;
  if (prepay) {
    order.prepaidAmount = prepaid + sum;
    order.fullyPaid = order.prepaidAmount >= total;
    order.syncMarker = state.nextMarker('order');
    state.putOrder(order);
    return { result: 'PAY-ORDER-RESULT-OK', message: '' };
  }
  const invoiceId = createInvoiceFromOrder(order, allPayments);
  order.invoiceIds = { id: [invoiceId] };
  order.fullyPaid = true;
  order.deliveryState = 'ORDER-DELIVERY-STATE-COMPLETE';
  order.completeState = 'ORDER-COMPLETE-STATE-COMPLETE';
  order.versionNumber = (order.versionNumber ?? 0) + 1;
  order.syncMarker = state.nextMarker('order');
  state.putOrder(order);
  moveStock(state, order, 'deliver', now);
  return { result: 'PAY-ORDER-RESULT-OK', invoiceId, message: '' };
}
