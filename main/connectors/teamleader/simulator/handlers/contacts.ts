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
  primaryAddress,
  readAddresses,
  readCustomFields,
  updatedCustomFields,
  removeTags,
} from './fields';

type Contact = EntityRecord<'contacts'>;

function listView(contact: Contact, includes: Set<string>) {
  return {
    id: contact.id,
    first_name: contact.first_name,
    last_name: contact.last_name,
    status: contact.status === 'deactivated' ? 'deactivated' : 'active',
    salutation: contact.salutation,
    emails: contact.emails,
    telephones: contact.telephones,
    website: contact.website,
    primary_address: primaryAddress(contact.addresses),
    gender: contact.gender,
    birthdate: contact.birthdate,
    iban: contact.iban,
    bic: contact.bic,
    national_identification_number: contact.national_identification_number,
    language: contact.language,
    payment_term: contact.payment_term,
    invoicing_preferences: contact.invoicing_preferences,
    tags: contact.tags,
    added_at: contact.added_at,
    updated_at: contact.updated_at,
    web_url: contact.web_url,
    marketing_mails_consent: contact.marketing_mails_consent,
    ...(includes.has('custom_fields') ? { custom_fields: contact.custom_fields ?? [] } : {}),
  };
}

function emailOf(contact: Contact): string | undefined {
  return contact.emails?.find((e) => e.type === 'primary')?.email ?? undefined;
}

function add(ctx: TwinContext, body: TeamleaderRequest<'contacts.add'>): Contact {
  const now = nowIso(ctx);
  const id = ctx.newId();
  const contact: Contact = {
    id,
    first_name: body.first_name,
    last_name: body.last_name,
    status: 'active',
    salutation: body.salutation,
    vat_number: null,
    emails: body.emails ?? [],
    telephones: body.telephones ?? [],
    website: body.website,
    addresses: readAddresses(body.addresses),
    gender: body.gender ?? 'unknown',
    birthdate: body.birthdate ?? undefined,
    iban: body.iban,
    bic: body.bic,
    national_identification_number: body.national_identification_number,
    companies: [],
    language: body.language ?? 'nl',
    payment_term: null,
    invoicing_preferences: { electronic_invoicing_address: null },
    remarks: body.remarks,
    tags: addTags([], body.tags ?? []),
    custom_fields: readCustomFields(ctx, body.custom_fields, 'contact'),
    marketing_mails_consent: body.marketing_mails_consent ?? false,
    added_at: now,
    updated_at: now,
    web_url: webUrl('contact_detail.php', id),
  };
  ctx.state.records.contacts[id] = contact;
  ctx.emit('contact.added', ref('contact', id));
  return contact;
}

/** Creates a contact the way `contacts.add` does (the seed and `_sandbox/generate` use it too). */
export function addContact(ctx: TwinContext, body: TeamleaderRequest<'contacts.add'>): Contact {
  return add(ctx, body);
}

function touch(ctx: TwinContext, contact: Contact): void {
  contact.updated_at = nowIso(ctx);
  ctx.emit('contact.updated', ref('contact', contact.id));
}

export function linkContact(
  ctx: TwinContext,
  body: TeamleaderRequest<'contacts.linkToCompany'>,
  mustExist: boolean,
): void {
  const contact = findOr404(ctx, 'contacts', body.id);
  findOr400(ctx, 'companies', body.company_id, 'company_id');
  const links = contact.companies ?? [];
  const existing = links.find((l) => l.company?.id === body.company_id);
  if (mustExist && !existing) {
    throw new ApiFailure(400, 'The contact is not linked to this company', 'company_id');
  }
  const link = {
    ...(body.position !== undefined
      ? { position: body.position }
      : existing?.position !== undefined
        ? { position: existing.position }
        : {}),
    decision_maker: body.decision_maker ?? existing?.decision_maker ?? false,
    company: ref('company', body.company_id),
  };
  contact.companies = existing ? links.map((l) => (l === existing ? link : l)) : [...links, link];
  contact.updated_at = nowIso(ctx);
  ctx.emit(existing ? 'contact.updatedLinkToCompany' : 'contact.linkedToCompany', ref('contact', contact.id));
}

export const contactHandlers: HandlerTable = {
  'contacts.list': (ctx, body) => {
    const f = body.filter ?? {};
    const since = updatedSince(f.updated_since);
    const ids = f.ids ? new Set(f.ids) : undefined;
    const wantedEmail = f.email?.email?.toLowerCase();
    const items = Object.values(ctx.state.records.contacts).filter(
      (c) =>
        (!ids || ids.has(c.id)) &&
        (!wantedEmail ||
          c.emails?.some((e) => e.type === 'primary' && e.email?.toLowerCase() === wantedEmail)) &&
        (!f.company_id || c.companies?.some((l) => l.company?.id === f.company_id)) &&
        (!f.tags || f.tags.every((t) => c.tags?.includes(t))) &&
        (!f.status || (c.status ?? 'active') === f.status) &&
        (f.marketing_mails_consent === undefined ||
          c.marketing_mails_consent === f.marketing_mails_consent) &&
        isOnOrAfter(c.updated_at, since) &&
        textMatches(
          f.term,
          c.first_name,
          c.last_name,
          emailOf(c),
          ...(c.telephones ?? []).map((t) => t.number),
        ),
    );
    const sorted = sortItems(items, body.sort, {
      added_at: (c) => c.added_at,
      updated_at: (c) => c.updated_at,
      name: (c) => `${c.last_name ?? ''} ${c.first_name ?? ''}`.toLowerCase(),
    });
    const includes = includesOf(body.includes);
    return ok({ data: pageOf(sorted, body.page).map((c) => listView(c, includes)) });
  },
  'contacts.info': (ctx, body) => ok({ data: findOr404(ctx, 'contacts', body.id) }),
  'contacts.add': (ctx, body) => created('contact', add(ctx, body).id),
  'contacts.update': (ctx, body) => {
    const c = findOr404(ctx, 'contacts', body.id);
    const custom = updatedCustomFields(ctx, c.custom_fields, body, 'contact');
    const addresses = body.addresses ? readAddresses(body.addresses) : undefined;
    if ('first_name' in body) c.first_name = body.first_name ?? undefined;
    if (body.last_name !== undefined) c.last_name = body.last_name;
    if ('salutation' in body) c.salutation = body.salutation ?? undefined;
    if (body.emails)
      c.emails = body.emails.flatMap((e) => (e.email ? [{ type: e.type, email: e.email }] : []));
    if ('telephones' in body) c.telephones = body.telephones ?? [];
    if ('website' in body) c.website = body.website ?? undefined;
    if (addresses) c.addresses = addresses;
    if (body.language !== undefined) c.language = body.language;
    if ('gender' in body) c.gender = body.gender ?? null;
    if ('birthdate' in body) c.birthdate = body.birthdate ?? undefined;
    if ('iban' in body) c.iban = body.iban ?? undefined;
    if ('bic' in body) c.bic = body.bic ?? undefined;
    if (body.national_identification_number !== undefined)
      c.national_identification_number = body.national_identification_number;
    if ('remarks' in body) c.remarks = body.remarks ?? undefined;
    if (body.tags) c.tags = addTags([], body.tags);
    if (custom) c.custom_fields = custom;
    if (body.marketing_mails_consent !== undefined) c.marketing_mails_consent = body.marketing_mails_consent;
    touch(ctx, c);
    return noContent();
  },
  'contacts.delete': (ctx, body) => {
    findOr404(ctx, 'contacts', body.id);
    removeKey(ctx.state.records.contacts, body.id);
    ctx.emit('contact.deleted', ref('contact', body.id));
    return noContent();
  },
  'contacts.tag': (ctx, body) => {
    const c = findOr404(ctx, 'contacts', body.id);
    c.tags = addTags(c.tags, body.tags);
    touch(ctx, c);
    return noContent();
  },
  'contacts.untag': (ctx, body) => {
    const c = findOr404(ctx, 'contacts', body.id);
    c.tags = removeTags(c.tags, body.tags);
    touch(ctx, c);
    return noContent();
  },
  'contacts.linkToCompany': (ctx, body) => {
    linkContact(ctx, body, false);
    return noContent();
  },
  'contacts.updateCompanyLink': (ctx, body) => {
    linkContact(ctx, body, true);
    return noContent();
  },
  'contacts.unlinkFromCompany': (ctx, body) => {
    const c = findOr404(ctx, 'contacts', body.id);
    if (!c.companies?.some((l) => l.company?.id === body.company_id)) {
      throw new ApiFailure(400, 'The contact is not linked to this company', 'company_id');
    }
    c.companies = c.companies.filter((l) => l.company?.id !== body.company_id);
    c.updated_at = nowIso(ctx);
    ctx.emit('contact.unlinkedFromCompany', ref('contact', c.id));
    return noContent();
  },
};
