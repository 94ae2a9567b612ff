import type { TeamleaderRequest } from '../../schemas';
import {
  ApiFailure,
  checkDate,
  created,
  customerName,
  findCustomer,
  findOr400,
  findOr404,
  includesOf,
  isOnOrAfter,
  noContent,
  nowIso,
  ok,
  pageOf,
  ref,
  removeKey,
  sortItems,
  textMatches,
  updatedSince,
  webUrl,
  type HandlerTable,
  type TwinContext,
} from '../context';
import { isCurrencyCode, type CurrencyCode } from '../../currency-codes';
import { ACCOUNT_CURRENCY, documentTotals, money, round2 } from '../money';
import type { EntityRecord } from '../state';
import { addDays, endOfMonth, isoDateTime } from '../time';
import { readCustomFields, updatedCustomFields } from './fields';
import { checkLines, discountsOf, invoiceLinesRead, linesFromRead, rateOf, type LooseGroup } from './lines';

type Invoice = EntityRecord<'invoices'>;
type PaymentTermInput = { type?: 'cash' | 'end_of_month' | 'after_invoice_date'; days?: number };

function currencyOf(invoice: Invoice): CurrencyCode {
  return isCurrencyCode(invoice.currency) ? invoice.currency : ACCOUNT_CURRENCY;
}

function checkPaymentTerm(term: PaymentTermInput): {
  type: 'cash' | 'end_of_month' | 'after_invoice_date';
  days?: number;
} {
  if (!term.type) throw new ApiFailure(400, 'payment_term.type is required', 'payment_term.type');
  if (term.type !== 'cash' && term.days === undefined) {
    throw new ApiFailure(400, 'payment_term.days is required unless the type is cash', 'payment_term.days');
  }
  return term.type === 'cash' ? { type: 'cash' } : { type: term.type, days: term.days ?? 0 };
}

function invoiceeOf(ctx: TwinContext, body: TeamleaderRequest<'invoices.draft'>['invoicee']) {
  const customer = findCustomer(ctx, body.customer, 'invoicee.customer');
  const attention = body.for_attention_of;
  if (attention && 'contact_id' in attention && attention.contact_id) {
    findOr400(ctx, 'contacts', attention.contact_id, 'invoicee.for_attention_of.contact_id');
  }
  const emails = customer.record.emails ?? [];
  const email = emails.find((e) => e.type === 'invoicing')?.email ?? emails[0]?.email ?? null;
  return {
    name: customerName(ctx, { type: customer.type, id: customer.record.id }),
    vat_number:
      (customer.type === 'company' ? customer.record.vat_number : customer.record.vat_number) ?? null,
    customer: ref(customer.type, customer.record.id),
    for_attention_of: attention
      ? 'contact_id' in attention && attention.contact_id
        ? {
            name: customerName(ctx, { type: 'contact', id: attention.contact_id }),
            contact: ref('contact', attention.contact_id),
          }
        : { name: 'name' in attention ? (attention.name ?? null) : null, contact: null }
      : null,
    email,
    national_identification_number: customer.record.national_identification_number ?? null,
  };
}

/** Recomputes totals from the lines, discounts and payments (after every change). */
function recompute(ctx: TwinContext, invoice: Invoice): void {
  const currency = currencyOf(invoice);
  const totals = documentTotals(
    linesFromRead(invoice.grouped_lines),
    rateOf(ctx),
    invoice.discounts ?? [],
    currency,
  );
  const paid = (invoice.payments ?? []).reduce((sum, p) => sum + (p.payment?.amount ?? 0), 0);
  invoice.total = {
    ...totals,
    withheld_taxes: [],
    payable: totals.tax_inclusive,
    due: money(Math.max(0, totals.tax_inclusive.amount - paid), currency),
  };
}

function dueOn(date: string, term: { type?: string; days?: number | null } | undefined): string {
  if (!term || term.type === 'cash') return date;
  const shifted = addDays(date, term.days ?? 0);
  return term.type === 'end_of_month' ? endOfMonth(shifted) : shifted;
}

/** Belgian structured communication `+++ddd/dddd/ddddd+++`: 10 digits and a mod-97 check. */
function structuredReference(base: number): string {
  const digits = String(base % 10_000_000_000).padStart(10, '0');
  const check = Number(BigInt(digits) % 97n) || 97;
  const all = `${digits}${String(check).padStart(2, '0')}`;
  return `+++${all.slice(0, 3)}/${all.slice(3, 7)}/${all.slice(7)}+++`;
}

/** Drafts an invoice the way `invoices.draft` does (the seed and `_sandbox/generate` use it too). */
export function draftInvoice(ctx: TwinContext, body: TeamleaderRequest<'invoices.draft'>): Invoice {
  findOr400(ctx, 'departments', body.department_id, 'department_id');
  const invoicee = invoiceeOf(ctx, body.invoicee);
  const groups = checkLines(ctx, body.grouped_lines as readonly LooseGroup[], body.department_id, {
    requireUnitPrice: false,
  });
  const paymentTerm = checkPaymentTerm(body.payment_term);
  const discounts = discountsOf(body.discounts);
  checkDate(body.invoice_date, 'invoice_date');
  checkDate(body.delivery_date, 'delivery_date');
  const currency = body.currency?.code ?? ACCOUNT_CURRENCY;
  const now = nowIso(ctx);
  const id = ctx.newId();
  const invoice: Invoice = {
    id,
    department: ref('department', body.department_id),
    invoice_number: null,
    invoice_date: body.invoice_date ?? null,
    status: 'draft',
    due_on: null,
    paid: false,
    paid_at: null,
    sent: false,
    purchase_order_number: body.purchase_order_number ?? null,
    invoicee,
    discounts,
    grouped_lines: invoiceLinesRead(ctx, groups, currency),
    payment_term: paymentTerm,
    payments: [],
    payment_reference: null,
    note: body.note ?? null,
    currency,
    currency_exchange_rate: { from: currency, to: ACCOUNT_CURRENCY, rate: body.currency?.exchange_rate ?? 1 },
    expected_payment_method: body.expected_payment_method ?? null,
    file: null,
    deal: null,
    // The sandbox keeps no projects: the id is shown as sent (and invoices.list filters by it).
    project: body.project_id ? ref('project', body.project_id) : null,
    on_hold_since: null,
    custom_fields: readCustomFields(ctx, body.custom_fields, 'invoice'),
    created_at: now,
    updated_at: now,
    ...(body.document_template_id
      ? { document_template: ref('documentTemplate', body.document_template_id) }
      : {}),
    delivery_date: body.delivery_date ?? null,
    peppol_status: null,
  };
  recompute(ctx, invoice);
  ctx.state.records.invoices[id] = invoice;
  ctx.emit('invoice.drafted', ref('invoice', id));
  return invoice;
}

/** Books a draft: assigns `YYYY / n` per department and fiscal year, and the due date. */
export function bookInvoice(ctx: TwinContext, body: TeamleaderRequest<'invoices.book'>): void {
  const invoice = findOr404(ctx, 'invoices', body.id);
  if (invoice.status !== 'draft') throw new ApiFailure(400, 'The invoice is already booked', 'id');
  checkDate(body.on, 'on');
  if ((invoice.grouped_lines ?? []).every((g) => (g.line_items ?? []).length === 0)) {
    throw new ApiFailure(400, 'An invoice needs at least one line to be booked', 'grouped_lines');
  }
  const year = body.on.slice(0, 4);
  const key = `invoice/${invoice.department?.id ?? ''}/${year}`;
  const sequence = (ctx.state.counters[key] ?? 0) + 1;
  ctx.state.counters[key] = sequence;
  const referenceBase = (ctx.state.counters['invoice/reference'] ?? 0) + 1;
  ctx.state.counters['invoice/reference'] = referenceBase;
  invoice.invoice_number = `${year} / ${sequence}`;
  invoice.invoice_date = body.on;
  invoice.due_on = dueOn(body.on, invoice.payment_term);
  invoice.payment_reference = structuredReference(Number(year) * 1_000_000 + referenceBase);
  invoice.status = 'outstanding';
  invoice.updated_at = nowIso(ctx);
  ctx.emit('invoice.booked', ref('invoice', invoice.id));
}

/** Registers a payment; a fully paid invoice becomes `matched`. */
export function registerPayment(ctx: TwinContext, body: TeamleaderRequest<'invoices.registerPayment'>): void {
  const invoice = findOr404(ctx, 'invoices', body.id);
  if (invoice.status === 'draft')
    throw new ApiFailure(400, 'Payments can only be registered on booked invoices', 'id');
  if (body.payment.currency !== invoice.currency) {
    throw new ApiFailure(
      400,
      `payment.currency must be the invoice currency (${invoice.currency ?? ''})`,
      'payment.currency',
    );
  }
  if (!(body.payment.amount > 0))
    throw new ApiFailure(400, 'payment.amount must be positive', 'payment.amount');
  const paidAt = Date.parse(body.paid_at);
  if (Number.isNaN(paidAt)) throw new ApiFailure(400, 'paid_at must be an ISO 8601 datetime', 'paid_at');
  if (body.payment_method_id) findOr400(ctx, 'paymentMethods', body.payment_method_id, 'payment_method_id');
  invoice.payments = [
    ...(invoice.payments ?? []),
    { paid_at: isoDateTime(paidAt), payment: money(body.payment.amount, currencyOf(invoice)) },
  ];
  recompute(ctx, invoice);
  if ((invoice.total?.due?.amount ?? 0) <= 0) {
    invoice.status = 'matched';
    invoice.paid = true;
    invoice.paid_at = isoDateTime(paidAt);
  }
  invoice.updated_at = nowIso(ctx);
  ctx.emit('invoice.paymentRegistered', ref('invoice', invoice.id));
}

function listView(invoice: Invoice, lateFees: boolean) {
  const { tax_exclusive, tax_inclusive, payable, taxes, due } = invoice.total ?? {};
  const zero = money(0, currencyOf(invoice));
  return {
    id: invoice.id,
    department: invoice.department,
    invoice_number: invoice.invoice_number,
    invoice_date: invoice.invoice_date,
    status: invoice.status,
    due_on: invoice.due_on,
    paid: invoice.paid,
    paid_at: invoice.paid_at,
    sent: invoice.sent,
    purchase_order_number: invoice.purchase_order_number,
    payment_reference: invoice.payment_reference,
    invoicee: {
      name: invoice.invoicee?.name,
      vat_number: invoice.invoicee?.vat_number,
      customer: invoice.invoicee?.customer,
      for_attention_of: invoice.invoicee?.for_attention_of,
    },
    total: {
      tax_exclusive,
      tax_inclusive,
      payable,
      taxes,
      due,
      ...(lateFees ? { due_incasso_inclusive: due ?? zero, fixed_late_fee: zero, interest: zero } : {}),
    },
    currency_exchange_rate: invoice.currency_exchange_rate,
    created_at: invoice.created_at,
    updated_at: invoice.updated_at,
    web_url: webUrl('invoice_detail.php', invoice.id),
    file: invoice.file,
    deal: invoice.deal,
    project: invoice.project,
    delivery_date: invoice.delivery_date,
  };
}

function numberKey(invoice: Invoice): string {
  const match = /^(\d+) \/ (\d+)$/.exec(invoice.invoice_number ?? '');
  return match ? `${match[1]}/${(match[2] ?? '').padStart(9, '0')}` : '';
}

export const invoiceHandlers: HandlerTable = {
  'invoices.list': (ctx, body) => {
    const f = body.filter ?? {};
    const since = updatedSince(f.updated_since);
    const ids = f.ids ? new Set(f.ids) : undefined;
    const items = Object.values(ctx.state.records.invoices).filter(
      (i) =>
        (!ids || ids.has(i.id)) &&
        (!f.invoice_number || i.invoice_number === f.invoice_number) &&
        (!f.department_id || i.department?.id === f.department_id) &&
        (!f.deal_id || i.deal?.id === f.deal_id) &&
        (!f.project_id || i.project?.id === f.project_id) &&
        !f.subscription_id &&
        (!f.status || f.status.some((s) => s === i.status)) &&
        (!f.purchase_order_number || i.purchase_order_number === f.purchase_order_number) &&
        (!f.payment_reference || i.payment_reference === f.payment_reference) &&
        (!f.invoice_date_after || (i.invoice_date ?? '') >= f.invoice_date_after) &&
        (!f.invoice_date_before || (i.invoice_date ?? '9999') <= f.invoice_date_before) &&
        (!f.customer ||
          (i.invoicee?.customer?.type === f.customer.type && i.invoicee.customer.id === f.customer.id)) &&
        isOnOrAfter(i.updated_at, since) &&
        textMatches(f.term, i.invoice_number, i.purchase_order_number, i.payment_reference, i.invoicee?.name),
    );
    const sorted = sortItems(
      items,
      body.sort,
      { invoice_number: numberKey, invoice_date: (i) => i.invoice_date },
      { field: 'invoice_number', order: 'desc' },
    );
    const lateFees = includesOf(body.includes).has('late_fees');
    return ok({ data: pageOf(sorted, body.page).map((i) => listView(i, lateFees)) });
  },
  'invoices.info': (ctx, body) => {
    const invoice = findOr404(ctx, 'invoices', body.id ?? '');
    if (!includesOf(body.includes).has('late_fees')) return ok({ data: invoice });
    const zero = money(0, currencyOf(invoice));
    const total = {
      ...invoice.total,
      due_incasso_inclusive: invoice.total?.due ?? zero,
      fixed_late_fee: zero,
      interest: zero,
    };
    return ok({ data: { ...invoice, total } });
  },
  'invoices.draft': (ctx, body) => created('invoice', draftInvoice(ctx, body).id),
  'invoices.update': (ctx, body) => {
    const invoice = findOr404(ctx, 'invoices', body.id);
    if (invoice.status !== 'draft') throw new ApiFailure(400, 'Booked invoices cannot be updated', 'id');
    const departmentId = invoice.department?.id;
    const currency = body.currency?.code ?? currencyOf(invoice);
    const groups = body.grouped_lines
      ? checkLines(ctx, body.grouped_lines as readonly LooseGroup[], departmentId, {
          requireUnitPrice: false,
        })
      : linesFromRead(invoice.grouped_lines);
    const invoicee = body.invoicee ? invoiceeOf(ctx, body.invoicee) : undefined;
    const paymentTerm = body.payment_term ? checkPaymentTerm(body.payment_term) : undefined;
    const discounts = body.discounts ? discountsOf(body.discounts) : undefined;
    const custom = updatedCustomFields(ctx, invoice.custom_fields, body, 'invoice');
    checkDate(body.invoice_date, 'invoice_date');
    checkDate(body.delivery_date, 'delivery_date');
    if (invoicee) invoice.invoicee = invoicee;
    // Null (the request spec marks it nullable) leaves the term: invoices.info has no empty one.
    if (paymentTerm) invoice.payment_term = paymentTerm;
    if (body.currency) {
      invoice.currency = currency;
      invoice.currency_exchange_rate = {
        from: currency,
        to: ACCOUNT_CURRENCY,
        rate: body.currency.exchange_rate ?? 1,
      };
    }
    if (body.purchase_order_number !== undefined) invoice.purchase_order_number = body.purchase_order_number;
    if (body.project_id) invoice.project = ref('project', body.project_id);
    invoice.grouped_lines = invoiceLinesRead(ctx, groups, currency);
    if (body.invoice_date !== undefined) invoice.invoice_date = body.invoice_date;
    if ('note' in body) invoice.note = body.note ?? null;
    if (discounts) invoice.discounts = discounts;
    if ('expected_payment_method' in body)
      invoice.expected_payment_method = body.expected_payment_method ?? null;
    if (custom) invoice.custom_fields = custom;
    if (body.document_template_id)
      invoice.document_template = ref('documentTemplate', body.document_template_id);
    if ('delivery_date' in body) invoice.delivery_date = body.delivery_date ?? null;
    recompute(ctx, invoice);
    invoice.updated_at = nowIso(ctx);
    ctx.emit('invoice.updated', ref('invoice', invoice.id));
    return noContent();
  },
  'invoices.book': (ctx, body) => {
    bookInvoice(ctx, body);
    return noContent();
  },
  'invoices.registerPayment': (ctx, body) => {
    registerPayment(ctx, body);
    return noContent();
  },
  'invoices.removePayments': (ctx, body) => {
    const invoice = findOr404(ctx, 'invoices', body.id);
    invoice.payments = [];
    if (invoice.status === 'matched') invoice.status = 'outstanding';
    invoice.paid = false;
    invoice.paid_at = null;
    recompute(ctx, invoice);
    invoice.updated_at = nowIso(ctx);
    ctx.emit('invoice.paymentRemoved', ref('invoice', invoice.id));
    return noContent();
  },
  'invoices.delete': (ctx, body) => {
    const invoice = findOr404(ctx, 'invoices', body.id);
    if (invoice.status !== 'draft') {
      const [year, sequence] = (invoice.invoice_number ?? '').split(' / ');
      const key = `invoice/${invoice.department?.id ?? ''}/${year ?? ''}`;
      if (Number(sequence) !== ctx.state.counters[key]) {
        throw new ApiFailure(400, 'Only drafts or the last booked invoice can be deleted', 'id');
      }
      ctx.state.counters[key] = Number(sequence) - 1;
    }
    removeKey(ctx.state.records.invoices, body.id);
    ctx.emit('invoice.deleted', ref('invoice', body.id));
    return noContent();
  },
};

export { round2 };
