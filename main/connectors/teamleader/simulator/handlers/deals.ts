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
import { ACCOUNT_CURRENCY, money } from '../money';
import type { EntityRecord } from '../state';
import { readCustomFields, updatedCustomFields } from './fields';

type Deal = EntityRecord<'deals'>;

const idFilter = (ids: readonly string[] | undefined) => {
  const set = ids ? new Set(ids) : undefined;
  return (record: { id: string }) => !set || set.has(record.id);
};

/** `phase_history[].started_at` is written `2017-05-01 12:00:00` in the spec's examples. */
const historyTime = (ctx: TwinContext): string => nowIso(ctx).slice(0, 19).replace('T', ' ');

function firstPhaseOf(ctx: TwinContext, pipelineId: string): string {
  const phase = Object.entries(ctx.state.dealPhasePipelines).find(
    ([, pipeline]) => pipeline === pipelineId,
  )?.[0];
  if (!phase) throw new ApiFailure(400, 'The deal pipeline has no phases', 'phase_id');
  return phase;
}

function weigh(deal: Deal, ctx: TwinContext): void {
  const value = deal.estimated_value;
  if (!value?.currency || value.amount === undefined) {
    delete deal.weighted_value;
    return;
  }
  const phaseProbability = deal.current_phase?.id
    ? ctx.state.records.dealPhases[deal.current_phase.id]?.probability
    : undefined;
  const probability = deal.estimated_probability ?? phaseProbability ?? 0;
  deal.weighted_value = money(
    value.amount * probability,
    isCurrencyCode(value.currency) ? value.currency : ACCOUNT_CURRENCY,
  );
}

function currencyRate(currency: { code: CurrencyCode; exchange_rate?: number } | undefined) {
  return {
    from: currency?.code ?? ACCOUNT_CURRENCY,
    to: ACCOUNT_CURRENCY,
    rate: currency?.exchange_rate ?? 1,
  };
}

/** "A number between 0 and 1 (inclusive)" (deals.create and deals.update); null clears it. */
function checkProbability(probability: number | null | undefined): void {
  if (typeof probability === 'number' && (probability < 0 || probability > 1))
    throw new ApiFailure(400, 'estimated_probability must be between 0 and 1', 'estimated_probability');
}

/** Creates a deal the way `deals.create` does (the seed and `_sandbox/generate` use it too). */
export function createDeal(ctx: TwinContext, body: TeamleaderRequest<'deals.create'>): Deal {
  const customer = findCustomer(ctx, body.lead.customer, 'lead.customer');
  if (body.lead.contact_person_id)
    findOr400(ctx, 'contacts', body.lead.contact_person_id, 'lead.contact_person_id');
  const departmentId = body.department_id ?? Object.keys(ctx.state.records.departments)[0] ?? '';
  findOr400(ctx, 'departments', departmentId, 'department_id');
  const userId = body.responsible_user_id ?? ctx.state.currentUserId;
  findOr400(ctx, 'users', userId, 'responsible_user_id');
  const phaseId = body.phase_id ?? firstPhaseOf(ctx, ctx.state.defaultPipelineId);
  findOr400(ctx, 'dealPhases', phaseId, 'phase_id');
  if (body.source_id) findOr400(ctx, 'dealSources', body.source_id, 'source_id');
  checkDate(body.estimated_closing_date, 'estimated_closing_date');
  checkProbability(body.estimated_probability);
  const now = nowIso(ctx);
  const year = now.slice(0, 4);
  const sequence = (ctx.state.counters[`deal/${year}`] ?? 0) + 1;
  ctx.state.counters[`deal/${year}`] = sequence;
  const id = ctx.newId();
  const deal: Deal = {
    id,
    title: body.title,
    summary: body.summary ?? null,
    reference: `${year}/${sequence}`,
    status: 'open',
    lead: {
      customer: ref(customer.type, customer.record.id),
      ...(body.lead.contact_person_id ? { contact_person: ref('contact', body.lead.contact_person_id) } : {}),
    },
    department: ref('department', departmentId),
    ...(body.estimated_value
      ? { estimated_value: money(body.estimated_value.amount, body.estimated_value.currency) }
      : {}),
    ...(body.estimated_closing_date ? { estimated_closing_date: body.estimated_closing_date } : {}),
    ...(body.estimated_probability !== undefined
      ? { estimated_probability: body.estimated_probability }
      : {}),
    purchase_order_number: null,
    current_phase: ref('dealPhase', phaseId),
    responsible_user: ref('user', userId),
    ...(body.source_id ? { source: ref('dealSource', body.source_id) } : {}),
    phase_history: [
      { phase: ref('dealPhase', phaseId), started_at: historyTime(ctx), started_by: ref('user', userId) },
    ],
    quotations: [],
    lost_reason: null,
    created_at: now,
    updated_at: now,
    web_url: webUrl('sale_detail.php', id),
    custom_fields: readCustomFields(ctx, body.custom_fields, 'deal'),
    currency_exchange_rate: currencyRate(body.currency),
    pipeline: ref('dealPipeline', ctx.state.dealPhasePipelines[phaseId] ?? ctx.state.defaultPipelineId),
  };
  weigh(deal, ctx);
  ctx.state.records.deals[id] = deal;
  ctx.emit('deal.created', ref('deal', id));
  return deal;
}

function touch(ctx: TwinContext, deal: Deal, event: string): void {
  deal.updated_at = nowIso(ctx);
  weigh(deal, ctx);
  ctx.emit(event, ref('deal', deal.id));
}

function close(ctx: TwinContext, deal: Deal): void {
  if (deal.status !== 'open' && deal.status !== 'new') {
    throw new ApiFailure(400, `The deal is already ${deal.status ?? 'closed'}`, 'id');
  }
  deal.closed_at = nowIso(ctx);
}

export const dealHandlers: HandlerTable = {
  'dealPipelines.list': (ctx, body) => {
    const f = body.filter ?? {};
    const items = Object.values(ctx.state.records.dealPipelines).filter(
      (p) => idFilter(f.ids)(p) && (!f.status || f.status.includes('open')),
    );
    return ok({ data: pageOf(items, body.page), meta: { default: ctx.state.defaultPipelineId } });
  },
  'dealPhases.list': (ctx, body) => {
    const f = body.filter ?? {};
    const items = Object.values(ctx.state.records.dealPhases).filter(
      (p) =>
        idFilter(f.ids)(p) &&
        (!f.deal_pipeline_id || ctx.state.dealPhasePipelines[p.id] === f.deal_pipeline_id),
    );
    return ok({ data: pageOf(items, body.page) });
  },
  'dealSources.list': (ctx, body) => {
    const items = Object.values(ctx.state.records.dealSources).filter(idFilter(body.filter?.ids));
    return ok({
      data: pageOf(sortItems(items, body.sort ?? [{ field: 'name' }], { name: (s) => s.name }), body.page),
    });
  },
  'lostReasons.list': (ctx, body) => {
    const items = Object.values(ctx.state.records.lostReasons).filter(idFilter(body.filter?.ids));
    return ok({
      data: pageOf(sortItems(items, body.sort ?? [{ field: 'name' }], { name: (s) => s.name }), body.page),
    });
  },
  'deals.list': (ctx, body) => {
    const f = body.filter ?? {};
    const since = updatedSince(f.updated_since);
    const before = f.created_before ? updatedSince(f.created_before, 'filter.created_before') : undefined;
    const users = f.responsible_user_id === undefined ? undefined : [f.responsible_user_id].flat();
    const items = Object.values(ctx.state.records.deals).filter(
      (d) =>
        idFilter(f.ids)(d) &&
        (!f.customer ||
          (d.lead?.customer?.type === f.customer.type && d.lead.customer.id === f.customer.id)) &&
        (!f.phase_id || d.current_phase?.id === f.phase_id) &&
        (!f.estimated_closing_date || d.estimated_closing_date === f.estimated_closing_date) &&
        (!f.estimated_closing_date_from ||
          (d.estimated_closing_date ?? '') >= f.estimated_closing_date_from) &&
        (!f.estimated_closing_date_until ||
          (d.estimated_closing_date ?? '9999') <= f.estimated_closing_date_until) &&
        (!users || users.includes(d.responsible_user?.id ?? '')) &&
        (!f.status || f.status.some((s) => s === d.status)) &&
        (!f.pipeline_ids || f.pipeline_ids.includes(d.pipeline?.id ?? '')) &&
        isOnOrAfter(d.updated_at, since) &&
        (before === undefined || Date.parse(d.created_at ?? '') <= before) &&
        textMatches(
          f.term,
          d.title,
          d.reference,
          d.lead?.customer
            ? customerName(ctx, { type: d.lead.customer.type ?? '', id: d.lead.customer.id ?? '' })
            : '',
        ),
    );
    const sorted = sortItems(
      items,
      body.sort,
      { created_at: (d) => d.created_at, weighted_value: (d) => d.weighted_value?.amount },
      { field: 'created_at', order: 'desc' },
    );
    const includes = includesOf(body.includes);
    return ok({
      data: pageOf(sorted, body.page).map(({ phase_history: _h, quotations: _q, custom_fields, ...deal }) =>
        includes.has('custom_fields') ? { ...deal, custom_fields: custom_fields ?? [] } : deal,
      ),
    });
  },
  'deals.info': (ctx, body) => ok({ data: findOr404(ctx, 'deals', body.id) }),
  'deals.create': (ctx, body) => created('deal', createDeal(ctx, body).id),
  'deals.update': (ctx, body) => {
    const d = findOr404(ctx, 'deals', body.id);
    const custom = updatedCustomFields(ctx, d.custom_fields, body, 'deal');
    // Everything is checked before anything changes: a refused update leaves the deal as it was.
    let lead: typeof d.lead | undefined;
    if (body.lead) {
      const customer = findCustomer(ctx, body.lead.customer, 'lead.customer');
      if (body.lead.contact_person_id)
        findOr400(ctx, 'contacts', body.lead.contact_person_id, 'lead.contact_person_id');
      lead = {
        customer: ref(customer.type, customer.record.id),
        ...(body.lead.contact_person_id
          ? { contact_person: ref('contact', body.lead.contact_person_id) }
          : {}),
      };
    }
    if (body.source_id) findOr400(ctx, 'dealSources', body.source_id, 'source_id');
    if (body.department_id) findOr400(ctx, 'departments', body.department_id, 'department_id');
    if (body.responsible_user_id) findOr400(ctx, 'users', body.responsible_user_id, 'responsible_user_id');
    checkDate(body.estimated_closing_date, 'estimated_closing_date');
    checkProbability(body.estimated_probability);
    if (lead) d.lead = lead;
    if (body.title !== undefined) d.title = body.title;
    if ('summary' in body) d.summary = body.summary ?? null;
    if ('source_id' in body) d.source = body.source_id ? ref('dealSource', body.source_id) : undefined;
    if (body.department_id) d.department = ref('department', body.department_id);
    if (body.responsible_user_id) d.responsible_user = ref('user', body.responsible_user_id);
    if ('estimated_value' in body) {
      d.estimated_value = body.estimated_value
        ? money(body.estimated_value.amount, body.estimated_value.currency)
        : undefined;
    }
    if ('estimated_probability' in body) d.estimated_probability = body.estimated_probability ?? undefined;
    if ('estimated_closing_date' in body) d.estimated_closing_date = body.estimated_closing_date ?? undefined;
    if (body.currency) d.currency_exchange_rate = currencyRate(body.currency);
    if (custom) d.custom_fields = custom;
    touch(ctx, d, 'deal.updated');
    return noContent();
  },
  'deals.move': (ctx, body) => {
    const d = findOr404(ctx, 'deals', body.id);
    findOr400(ctx, 'dealPhases', body.phase_id, 'phase_id');
    d.current_phase = ref('dealPhase', body.phase_id);
    d.pipeline = ref(
      'dealPipeline',
      ctx.state.dealPhasePipelines[body.phase_id] ?? ctx.state.defaultPipelineId,
    );
    d.phase_history = [
      ...(d.phase_history ?? []),
      {
        phase: ref('dealPhase', body.phase_id),
        started_at: historyTime(ctx),
        started_by: ref('user', ctx.state.currentUserId),
      },
    ];
    touch(ctx, d, 'deal.moved');
    return noContent();
  },
  'deals.win': (ctx, body) => {
    const d = findOr404(ctx, 'deals', body.id);
    close(ctx, d);
    d.status = 'won';
    touch(ctx, d, 'deal.won');
    return noContent();
  },
  'deals.lose': (ctx, body) => {
    const d = findOr404(ctx, 'deals', body.id);
    if (body.reason_id) findOr400(ctx, 'lostReasons', body.reason_id, 'reason_id');
    close(ctx, d);
    d.status = 'lost';
    d.lost_reason = {
      reason: body.reason_id ? ref('lostReason', body.reason_id) : null,
      remark: body.extra_info ?? null,
    };
    touch(ctx, d, 'deal.lost');
    return noContent();
  },
  'deals.delete': (ctx, body) => {
    findOr404(ctx, 'deals', body.id);
    removeKey(ctx.state.records.deals, body.id);
    for (const quotation of Object.values(ctx.state.records.quotations)) {
      if (quotation.deal?.id === body.id) removeKey(ctx.state.records.quotations, quotation.id);
    }
    ctx.emit('deal.deleted', ref('deal', body.id));
    return noContent();
  },
};
