import {
  ApiFailure,
  findOr404,
  includesOf,
  noContent,
  ok,
  pageOf,
  sortItems,
  textMatches,
  type HandlerTable,
} from '../context';

const idFilter = (ids: readonly string[] | undefined) => {
  const set = ids ? new Set(ids) : undefined;
  return (record: { id: string }) => !set || set.has(record.id);
};

/** Account settings and lookups: users, departments, custom fields, tax, payment terms and methods, webhooks. */
export const generalHandlers: HandlerTable = {
  'users.me': (ctx) => {
    const user = findOr404(ctx, 'users', ctx.state.currentUserId);
    const { status: _status, teams: _teams, external_rate: _rate, ...me } = user;
    return ok({
      data: {
        ...me,
        email_verification_status: 'confirmed',
        preferences: { invoiceable: true, historic_time_tracking_limit: null, whitelabeling: false },
      },
    });
  },
  'users.list': (ctx, body) => {
    const f = body.filter ?? {};
    const items = Object.values(ctx.state.records.users).filter(
      (u) =>
        idFilter(f.ids)(u) &&
        (!f.status || f.status.includes(u.status === 'deactivated' ? 'deactivated' : 'active')) &&
        textMatches(f.term, u.first_name, u.last_name, u.email, u.function),
    );
    const sorted = sortItems(items, body.sort, {
      first_name: (u) => u.first_name,
      last_name: (u) => u.last_name,
      email: (u) => u.email,
      function: (u) => u.function,
    });
    return ok({
      data: pageOf(sorted, body.page).map(({ time_zone: _tz, external_rate: _rate, ...user }) => user),
    });
  },
  'users.info': (ctx, body) => {
    const { external_rate, ...user } = findOr404(ctx, 'users', body.id);
    return ok({
      data: includesOf(body.includes).has('external_rate')
        ? { ...user, external_rate: external_rate ?? null }
        : user,
    });
  },
  'departments.list': (ctx, body) => {
    const f = body.filter ?? {};
    const all = Object.values(ctx.state.records.departments);
    const items = all.filter(
      (d) => idFilter(f.ids)(d) && (!f.status || f.status.some((s) => s === (d.status ?? 'active'))),
    );
    const sorted = sortItems(items, body.sort, {
      default_department: (d) => (d.id === all[0]?.id ? 0 : 1),
      name: (d) => d.name,
      created_at: (d) => all.indexOf(d),
    });
    return ok({
      data: sorted.map((d) => ({
        id: d.id,
        name: d.name,
        vat_number: d.vat_number,
        currency: d.currency,
        emails: d.emails,
        status: d.status,
      })),
    });
  },
  'departments.info': (ctx, body) => ok({ data: findOr404(ctx, 'departments', body.id) }),
  'customFieldDefinitions.list': (ctx, body) => {
    const f = body.filter ?? {};
    const items = Object.values(ctx.state.records.customFieldDefinitions).filter(
      (d) => idFilter(f.ids)(d) && (!f.context || d.context === f.context),
    );
    const sorted = sortItems(items, body.sort, { label: (d) => d.label, context: (d) => d.context });
    return ok({ data: pageOf(sorted, body.page) });
  },
  'customFieldDefinitions.info': (ctx, body) =>
    ok({ data: findOr404(ctx, 'customFieldDefinitions', body.id) }),
  'taxRates.list': (ctx, body) => {
    const department = body.filter?.department_id;
    const items = Object.values(ctx.state.records.taxRates).filter(
      (t) => !department || t.department?.id === department,
    );
    const sorted = sortItems(items, body.sort, {
      department_id: (t) => t.department?.id,
      rate: (t) => t.rate,
      description: (t) => t.description,
    });
    return ok({ data: pageOf(sorted, body.page) });
  },
  'withholdingTaxRates.list': (ctx, body) => {
    const department = body.filter?.department_id;
    return ok({
      data: Object.values(ctx.state.records.withholdingTaxRates).filter(
        (t) => !department || t.department?.id === department,
      ),
    });
  },
  'paymentTerms.list': (ctx) =>
    ok({
      data: Object.values(ctx.state.records.paymentTerms),
      meta: { default: ctx.state.defaultPaymentTermId },
    }),
  'paymentMethods.list': (ctx, body) => {
    const f = body.filter ?? {};
    const items = Object.values(ctx.state.records.paymentMethods).filter(
      (m) => idFilter(f.ids)(m) && (!f.status || f.status.some((s) => s === m.status)),
    );
    return ok({ data: pageOf(items, body.page) });
  },
  'webhooks.register': (ctx, body) => {
    if (!/^https?:\/\//.test(body.url)) throw new ApiFailure(400, 'url must be an http(s) URL', 'url');
    const existing = ctx.state.webhooks.find((w) => w.url === body.url);
    if (existing) existing.types = [...new Set([...existing.types, ...body.types])];
    else ctx.state.webhooks.push({ url: body.url, types: [...new Set(body.types)] });
    return noContent();
  },
  'webhooks.list': (ctx) =>
    ok({
      data: [...ctx.state.webhooks]
        .sort((a, b) => a.url.localeCompare(b.url))
        .map((w) => ({ url: w.url, types: w.types })),
    }),
  'webhooks.unregister': (ctx, body) => {
    const existing = ctx.state.webhooks.find((w) => w.url === body.url);
    if (!existing) throw new ApiFailure(404, `No webhook registered for ${body.url}`, 'url');
    const drop = new Set<string>(body.types);
    existing.types = existing.types.filter((t) => !drop.has(t));
    if (existing.types.length === 0) ctx.state.webhooks = ctx.state.webhooks.filter((w) => w !== existing);
    return noContent();
  },
  'orders.list': (ctx, body) => {
    const includes = includesOf(body.includes);
    return ok({
      data: Object.values(ctx.state.records.orders)
        .filter(idFilter(body.filter?.ids))
        .map(({ grouped_lines: _lines, custom_fields, ...order }) =>
          includes.has('custom_fields') ? { ...order, custom_fields: custom_fields ?? [] } : order,
        ),
    });
  },
  'orders.info': (ctx, body) => {
    const { custom_fields, ...order } = findOr404(ctx, 'orders', body.id);
    return ok({
      data: includesOf(body.includes).has('custom_fields')
        ? { ...order, custom_fields: custom_fields ?? [] }
        : order,
    });
  },
};
