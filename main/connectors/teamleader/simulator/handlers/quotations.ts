import type { TeamleaderRequest } from '../../schemas';
import {
  ApiFailure,
  created,
  findOr400,
  findOr404,
  noContent,
  nowIso,
  ok,
  pageOf,
  ref,
  removeKey,
  type HandlerTable,
  type TwinContext,
} from '../context';
import { isCurrencyCode, type CurrencyCode } from '../../currency-codes';
import { ACCOUNT_CURRENCY, documentTotals } from '../money';
import type { EntityRecord } from '../state';
import { checkLines, discountsOf, linesFromRead, quotationLinesRead, rateOf, type LooseGroup } from './lines';

type Quotation = EntityRecord<'quotations'>;

function currencyOf(quotation: Quotation): CurrencyCode {
  return isCurrencyCode(quotation.currency) ? quotation.currency : ACCOUNT_CURRENCY;
}

function recompute(ctx: TwinContext, quotation: Quotation): void {
  const totals = documentTotals(
    linesFromRead(quotation.grouped_lines),
    rateOf(ctx),
    quotation.discounts ?? [],
    currencyOf(quotation),
  );
  quotation.total = {
    tax_exclusive: totals.tax_exclusive,
    tax_inclusive: totals.tax_inclusive,
    taxes: totals.taxes,
    purchase_price: null,
  };
}

/** Creates a quotation on a deal the way `quotations.create` does (seed and generate use it too). */
export function createQuotation(ctx: TwinContext, body: TeamleaderRequest<'quotations.create'>): Quotation {
  const deal = findOr400(ctx, 'deals', body.deal_id, 'deal_id');
  if (!body.grouped_lines?.length && !body.text) {
    throw new ApiFailure(400, 'A quotation needs grouped_lines and/or text', 'grouped_lines');
  }
  const groups = checkLines(ctx, (body.grouped_lines ?? []) as readonly LooseGroup[], deal.department?.id, {
    requireUnitPrice: true,
  });
  const currency = body.currency?.code ?? ACCOUNT_CURRENCY;
  const now = nowIso(ctx);
  const id = ctx.newId();
  const quotation: Quotation = {
    id,
    deal: ref('deal', deal.id),
    grouped_lines: quotationLinesRead(ctx, groups, currency),
    currency,
    currency_exchange_rate: { from: currency, to: ACCOUNT_CURRENCY, rate: body.currency?.exchange_rate ?? 1 },
    ...(body.text !== undefined ? { text: body.text } : {}),
    discounts: discountsOf(body.discounts),
    created_at: now,
    updated_at: now,
    status: 'open',
    name: deal.title ?? '',
    ...(body.document_template_id
      ? { document_template: ref('documentTemplate', body.document_template_id) }
      : {}),
  };
  recompute(ctx, quotation);
  ctx.state.records.quotations[id] = quotation;
  deal.quotations = [...(deal.quotations ?? []), ref('quotation', id)];
  deal.updated_at = now;
  return quotation;
}

export const quotationHandlers: HandlerTable = {
  'quotations.list': (ctx, body) => {
    const ids = body.filter?.ids ? new Set(body.filter.ids) : undefined;
    const items = Object.values(ctx.state.records.quotations).filter((q) => !ids || ids.has(q.id));
    return ok({
      data: pageOf(items, body.page).map((q) => ({
        id: q.id,
        deal: q.deal,
        currency_exchange_rate: q.currency_exchange_rate,
        total: q.total,
        created_at: q.created_at,
        updated_at: q.updated_at,
        status: q.status,
        name: q.name,
      })),
    });
  },
  'quotations.info': (ctx, body) => ok({ data: findOr404(ctx, 'quotations', body.id) }),
  'quotations.create': (ctx, body) => created('quotation', createQuotation(ctx, body).id),
  'quotations.update': (ctx, body) => {
    const q = findOr404(ctx, 'quotations', body.id);
    const departmentId = q.deal?.id ? ctx.state.records.deals[q.deal.id]?.department?.id : undefined;
    const currency = body.currency?.code ?? currencyOf(q);
    const groups = body.grouped_lines
      ? checkLines(ctx, body.grouped_lines as readonly LooseGroup[], departmentId, { requireUnitPrice: true })
      : linesFromRead(q.grouped_lines);
    const discounts = body.discounts ? discountsOf(body.discounts) : undefined;
    const text = 'text' in body ? (body.text ?? undefined) : q.text;
    if (groups.length === 0 && !text)
      throw new ApiFailure(400, 'A quotation needs grouped_lines and/or text', 'grouped_lines');
    if (body.currency) {
      q.currency = currency;
      q.currency_exchange_rate = {
        from: currency,
        to: ACCOUNT_CURRENCY,
        rate: body.currency.exchange_rate ?? 1,
      };
    }
    q.grouped_lines = quotationLinesRead(ctx, groups, currency);
    q.text = text;
    if (discounts) q.discounts = discounts;
    if (body.document_template_id) q.document_template = ref('documentTemplate', body.document_template_id);
    recompute(ctx, q);
    q.updated_at = nowIso(ctx);
    return noContent();
  },
  'quotations.accept': (ctx, body) => {
    const q = findOr404(ctx, 'quotations', body.id);
    if (q.status !== 'open') throw new ApiFailure(400, `The quotation is ${q.status ?? 'not open'}`, 'id');
    q.status = 'accepted';
    q.updated_at = nowIso(ctx);
    return noContent();
  },
  'quotations.delete': (ctx, body) => {
    const q = findOr404(ctx, 'quotations', body.id);
    removeKey(ctx.state.records.quotations, body.id);
    const deal = q.deal?.id ? ctx.state.records.deals[q.deal.id] : undefined;
    if (deal) deal.quotations = (deal.quotations ?? []).filter((r) => r.id !== body.id);
    return noContent();
  },
};
