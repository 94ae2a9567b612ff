import type { TeamleaderRequest } from '../../schemas';
import {
  ApiFailure,
  created,
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
import type { EntityRecord } from '../state';
import {
  addTags,
  normaliseVat,
  primaryAddress,
  readAddresses,
  readCustomFields,
  updatedCustomFields,
  removeTags,
} from './fields';

type Company = EntityRecord<'companies'>;

function listView(company: Company, includes: Set<string>) {
  return {
    id: company.id,
    name: company.name,
    status: company.status,
    business_type: company.business_type,
    vat_number: company.vat_number,
    national_identification_number: company.national_identification_number,
    emails: company.emails,
    telephones: company.telephones,
    website: company.website,
    primary_address: primaryAddress(company.addresses),
    iban: company.iban,
    bic: company.bic,
    language: company.language,
    preferred_currency: company.preferred_currency,
    payment_term: company.payment_term,
    invoicing_preferences: company.invoicing_preferences,
    responsible_user: company.responsible_user,
    added_at: company.added_at,
    updated_at: company.updated_at,
    web_url: company.web_url,
    tags: company.tags,
    marketing_mails_consent: company.marketing_mails_consent,
    ...(includes.has('custom_fields') ? { custom_fields: company.custom_fields ?? [] } : {}),
  };
}

function infoView(ctx: TwinContext, company: Company, includes: Set<string>) {
  const view: Company = { ...company };
  if (includes.has('related_companies')) view.related_companies = [];
  if (includes.has('related_contacts')) {
    view.related_contacts = Object.values(ctx.state.records.contacts).flatMap((contact) =>
      (contact.companies ?? [])
        .filter((link) => link.company?.id === company.id)
        .map((link) => ({
          type: 'contact',
          id: contact.id,
          position: link.position ?? null,
          secondary_position: link.secondary_position ?? null,
          division: link.division ?? null,
          is_decision_maker: link.decision_maker ?? false,
        })),
    );
  }
  return view;
}

function checkRefs(
  ctx: TwinContext,
  body: { business_type_id?: string | null; responsible_user_id?: string | null },
): void {
  if (body.business_type_id) findOr400(ctx, 'businessTypes', body.business_type_id, 'business_type_id');
  if (body.responsible_user_id) findOr400(ctx, 'users', body.responsible_user_id, 'responsible_user_id');
}

/** Creates a company the way `companies.add` does (the seed and `_sandbox/generate` use it too). */
export function addCompany(ctx: TwinContext, body: TeamleaderRequest<'companies.add'>): Company {
  if (body.name.trim() === '') throw new ApiFailure(400, 'Company name must not be empty', 'name');
  checkRefs(ctx, body);
  const now = nowIso(ctx);
  const id = ctx.newId();
  const company: Company = {
    id,
    name: body.name,
    status: 'active',
    ...(body.business_type_id ? { business_type: ref('businessType', body.business_type_id) } : {}),
    vat_number: body.vat_number,
    national_identification_number: body.national_identification_number,
    emails: body.emails ?? [],
    telephones: body.telephones ?? [],
    website: body.website,
    addresses: readAddresses(body.addresses),
    iban: body.iban,
    bic: body.bic,
    language: body.language ?? 'nl',
    preferred_currency: body.preferred_currency ?? null,
    payment_term: null,
    invoicing_preferences: { electronic_invoicing_address: null },
    ...(body.responsible_user_id ? { responsible_user: ref('user', body.responsible_user_id) } : {}),
    remarks: body.remarks,
    added_at: now,
    updated_at: now,
    web_url: webUrl('company_detail.php', id),
    tags: addTags([], body.tags ?? []),
    custom_fields: readCustomFields(ctx, body.custom_fields, 'company'),
    marketing_mails_consent: body.marketing_mails_consent ?? false,
  };
  ctx.state.records.companies[id] = company;
  ctx.emit('company.added', ref('company', id));
  return company;
}

function touch(ctx: TwinContext, company: Company): void {
  company.updated_at = nowIso(ctx);
  ctx.emit('company.updated', ref('company', company.id));
}

export const companyHandlers: HandlerTable = {
  'companies.list': (ctx, body) => {
    const f = body.filter ?? {};
    const since = updatedSince(f.updated_since);
    const ids = f.ids ? new Set(f.ids) : undefined;
    const vat = f.vat_number ? normaliseVat(f.vat_number) : undefined;
    const email = f.email?.email?.toLowerCase();
    const items = Object.values(ctx.state.records.companies).filter(
      (c) =>
        (!ids || ids.has(c.id)) &&
        // The filter names the e-mail's type (the spec allows `primary` only): an invoicing
        // address alone does not match.
        (!email ||
          c.emails?.some(
            (e) => e.type === (f.email?.type ?? 'primary') && e.email?.toLowerCase() === email,
          )) &&
        (!vat || normaliseVat(c.vat_number) === vat) &&
        (!f.national_identification_number ||
          c.national_identification_number === f.national_identification_number) &&
        (!f.tags || f.tags.every((t) => c.tags?.includes(t))) &&
        (!f.status || (c.status ?? 'active') === f.status) &&
        (f.marketing_mails_consent === undefined ||
          c.marketing_mails_consent === f.marketing_mails_consent) &&
        isOnOrAfter(c.updated_at, since) &&
        textMatches(
          f.term,
          c.name,
          c.vat_number,
          ...(c.emails ?? []).map((e) => e.email),
          ...(c.telephones ?? []).map((t) => t.number),
        ),
    );
    const sorted = sortItems(items, body.sort, {
      added_at: (c) => c.added_at,
      updated_at: (c) => c.updated_at,
      name: (c) => (c.name ?? '').toLowerCase(),
    });
    const includes = includesOf(body.includes);
    return ok({ data: pageOf(sorted, body.page).map((c) => listView(c, includes)) });
  },
  'companies.info': (ctx, body) =>
    ok({ data: infoView(ctx, findOr404(ctx, 'companies', body.id), includesOf(body.includes)) }),
  'companies.add': (ctx, body) => created('company', addCompany(ctx, body).id),
  'companies.update': (ctx, body) => {
    const c = findOr404(ctx, 'companies', body.id);
    checkRefs(ctx, body);
    const custom = updatedCustomFields(ctx, c.custom_fields, body, 'company');
    const addresses = body.addresses ? readAddresses(body.addresses) : undefined;
    if (body.name !== undefined) {
      if (body.name.trim() === '') throw new ApiFailure(400, 'Company name must not be empty', 'name');
      c.name = body.name;
    }
    if ('business_type_id' in body) {
      c.business_type = body.business_type_id ? ref('businessType', body.business_type_id) : undefined;
    }
    if ('vat_number' in body) c.vat_number = body.vat_number ?? undefined;
    if ('national_identification_number' in body) {
      c.national_identification_number = body.national_identification_number ?? undefined;
    }
    if (body.emails) c.emails = body.emails;
    if (body.telephones) c.telephones = body.telephones;
    if (body.website !== undefined) c.website = body.website;
    if (addresses) c.addresses = addresses;
    if ('iban' in body) c.iban = body.iban ?? undefined;
    if ('bic' in body) c.bic = body.bic ?? undefined;
    if ('language' in body) c.language = body.language ?? undefined;
    if ('responsible_user_id' in body) {
      c.responsible_user = body.responsible_user_id ? ref('user', body.responsible_user_id) : undefined;
    }
    if ('remarks' in body) c.remarks = body.remarks ?? undefined;
    if (body.tags) c.tags = addTags([], body.tags);
    if (custom) c.custom_fields = custom;
    if (body.marketing_mails_consent !== undefined) c.marketing_mails_consent = body.marketing_mails_consent;
    if ('preferred_currency' in body) c.preferred_currency = body.preferred_currency ?? null;
    touch(ctx, c);
    return noContent();
  },
  'companies.delete': (ctx, body) => {
    findOr404(ctx, 'companies', body.id);
    removeKey(ctx.state.records.companies, body.id);
    for (const contact of Object.values(ctx.state.records.contacts)) {
      if (contact.companies?.some((l) => l.company?.id === body.id)) {
        contact.companies = contact.companies.filter((l) => l.company?.id !== body.id);
      }
    }
    ctx.emit('company.deleted', ref('company', body.id));
    return noContent();
  },
  'companies.tag': (ctx, body) => {
    const c = findOr404(ctx, 'companies', body.id);
    c.tags = addTags(c.tags, body.tags);
    touch(ctx, c);
    return noContent();
  },
  'companies.untag': (ctx, body) => {
    const c = findOr404(ctx, 'companies', body.id);
    c.tags = removeTags(c.tags, body.tags);
    touch(ctx, c);
    return noContent();
  },
  'businessTypes.list': (ctx, body) =>
    ok({
      data: Object.values(ctx.state.records.businessTypes)
        .filter((b) => !body.country || b.country === body.country)
        .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
    }),
};
