import type { ContactPerson, Customer } from '../../../shared/domain/customer';
import { matchEmail, splitPersonName } from '../../../shared/domain/customer';
import type { CallJournal, CallOptions } from '../../connectors/teamleader';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type { Company, Contact } from '../../connectors/teamleader/schemas';
import type { TeamleaderCreated } from '../../../shared/flow/messages/teamleader-messages';
import { runMessage } from '../../../shared/flow/run-messages';
import { permanentError } from '../../engine/errors';
import { api } from '../steps/support/api-errors';
import { changesSomething, companyBody, contactBody } from './convert/customer';
import type { CustomerKind, CustomersByEmail } from './customers-by-email';

interface Io {
  readonly signal: AbortSignal;
  readonly dryRun: boolean;
  /** The run's customers by e-mail (the list after 20 look-ups); without it each look-up is a call. */
  readonly customers?: CustomersByEmail;
  /** A target's write keeps its calls here, for the record's stored answer. */
  readonly journal?: CallJournal;
}

/** How each call of a look-up or write is made: cancelled with the run, journaled for a write. */
function callsOf(io: Io): CallOptions {
  return io.journal ? { signal: io.signal, journal: io.journal } : { signal: io.signal };
}

/** The placeholder id a dry run reports for a customer it would create. */
export const WOULD_CREATE = 'would-create';

function createdId(ref: { id?: string }, what: TeamleaderCreated): string {
  if (!ref.id)
    throw permanentError(runMessage('teamleaderCreatedNoId', { what }), {
      code: 'teamleader_protocol',
    });
  return ref.id;
}

/**
 * The company or contact whose (primary) e-mail is `email`. With the run's {@link CustomersByEmail}
 * a miss may be its list's answer: a caller about to make the customer uses
 * {@link findCustomerBeforeMaking}.
 */
export async function findCustomer(
  client: TeamleaderClient,
  kind: CustomerKind,
  email: string,
  io: Io,
): Promise<string | null> {
  if (io.customers) return io.customers.find(kind, email);
  return askCustomer(client, kind, email, io);
}

/**
 * As {@link findCustomer}, for a caller about to make the customer: a miss is Teamleader's own
 * answer (another flow or a person may have made it since the run's list was read).
 */
export async function findCustomerBeforeMaking(
  client: TeamleaderClient,
  kind: CustomerKind,
  email: string,
  io: Io,
): Promise<string | null> {
  if (io.customers) return io.customers.findBeforeMaking(kind, email);
  return askCustomer(client, kind, email, io);
}

async function askCustomer(
  client: TeamleaderClient,
  kind: CustomerKind,
  email: string,
  io: Io,
): Promise<string | null> {
  const filter = { email: { type: 'primary' as const, email } };
  const found =
    kind === 'company'
      ? await api(() => client.companies.list({ filter, page: { size: 2, number: 1 } }, callsOf(io)))
      : await api(() => client.contacts.list({ filter, page: { size: 2, number: 1 } }, callsOf(io)));
  return found[0]?.id ?? null;
}

/**
 * Creates the company, or updates it when the payload changes something. Returns its id. `read` is
 * the company as the caller just read it (its `companies.info`), saving a second read.
 */
export async function writeCompany(
  client: TeamleaderClient,
  payload: Partial<Customer>,
  id: string | null,
  io: Io,
  read?: Company,
): Promise<string> {
  if (id === null) {
    const body = companyBody(payload, null);
    if (!body.name)
      throw permanentError(runMessage('teamleaderCompanyNoName'), {
        code: 'no_name',
        field: 'name',
      });
    if (io.dryRun) return WOULD_CREATE;
    const name = body.name;
    return createdId(await api(() => client.companies.add({ ...body, name }, callsOf(io))), 'company');
  }
  const existing: Company =
    read?.id === id ? read : await api(() => client.companies.info({ id }, callsOf(io)));
  const body = companyBody(payload, existing);
  if (!io.dryRun && changesSomething(body, existing)) {
    await api(() => client.companies.update({ id, ...body }, callsOf(io)));
  }
  return id;
}

/** Creates the contact, or updates it when the payload changes something (as {@link writeCompany}). */
export async function writeContact(
  client: TeamleaderClient,
  payload: Partial<Customer>,
  id: string | null,
  io: Io,
  read?: Contact,
): Promise<string> {
  if (id === null) {
    const body = contactBody(payload, null);
    if (!body.last_name)
      throw permanentError(runMessage('teamleaderContactNoName'), {
        code: 'no_name',
        field: 'name',
      });
    if (io.dryRun) return WOULD_CREATE;
    const last = body.last_name;
    return createdId(
      await api(() => client.contacts.add({ ...body, last_name: last }, callsOf(io))),
      'contact',
    );
  }
  const existing: Contact =
    read?.id === id ? read : await api(() => client.contacts.info({ id }, callsOf(io)));
  const body = contactBody(payload, existing);
  if (!io.dryRun && changesSomething(body, existing)) {
    await api(() => client.contacts.update({ id, ...body }, callsOf(io)));
  }
  return id;
}

function personOf(contact: ContactPerson): Partial<Customer> {
  const split = contact.firstName || contact.lastName ? {} : splitPersonName(contact.name);
  return {
    kind: 'person',
    ...(contact.firstName ? { firstName: contact.firstName } : {}),
    ...(contact.lastName ? { lastName: contact.lastName } : {}),
    ...split,
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.phone ? { mobile: contact.phone } : {}),
  };
}

/**
 * A contact with exactly this name, no e-mail and no company: what an earlier attempt left when
 * its contacts.add answer was lost before the link was made. Reused, so a retry adds no second one.
 */
async function orphanNamed(client: TeamleaderClient, fullName: string, io: Io): Promise<string | null> {
  // `term` matches one field at a time: search by the last word (the family name), compare whole names.
  const term = fullName.trim().split(/\s+/).pop();
  if (!term) return null;
  const named = await api(() =>
    client.contacts.list({ filter: { term }, page: { size: 100, number: 1 } }, callsOf(io)),
  );
  const wanted = fullName.toLowerCase();
  for (const candidate of named) {
    const name = [candidate.first_name, candidate.last_name].filter(Boolean).join(' ').toLowerCase();
    if (!candidate.id || name !== wanted || (candidate.emails ?? []).length > 0) continue;
    const id = candidate.id;
    const info = await api(() => client.contacts.info({ id }, callsOf(io)));
    if ((info.companies ?? []).length === 0) return id;
  }
  return null;
}

/** The contact linked to the company with the person's e-mail or full name, if any. */
export async function linkedContactId(
  client: TeamleaderClient,
  companyId: string,
  person: ContactPerson,
  io: Io,
): Promise<string | undefined> {
  const wanted = personOf(person);
  const fullName = [wanted.firstName, wanted.lastName].filter(Boolean).join(' ').toLowerCase();
  const email = matchEmail(wanted.email);
  const linked = await api(() =>
    client.contacts.list({ filter: { company_id: companyId }, page: { size: 100, number: 1 } }, callsOf(io)),
  );
  return linked.find(
    (c) =>
      (email && c.emails?.some((e) => e.email?.toLowerCase() === email)) ||
      (fullName && [c.first_name, c.last_name].filter(Boolean).join(' ').toLowerCase() === fullName),
  )?.id;
}

/**
 * The company's contact person, linked to it: an already linked contact with the same e-mail or
 * name, else a contact with that e-mail, else a new contact; linked when it is not yet. A company
 * this attempt made (`madeNow`) has no contacts yet: that look-up is left out (one Teamleader call).
 */
export async function ensureContactPerson(
  client: TeamleaderClient,
  companyId: string,
  person: ContactPerson,
  io: Io,
  madeNow = false,
): Promise<string | undefined> {
  const wanted = personOf(person);
  const fullName = [wanted.firstName, wanted.lastName].filter(Boolean).join(' ');
  if (!fullName && !wanted.email) return undefined;
  if (companyId === WOULD_CREATE) return io.dryRun ? WOULD_CREATE : undefined;
  const match = madeNow ? undefined : await linkedContactId(client, companyId, person, io);
  if (match) return match;
  const email = matchEmail(wanted.email);
  const existing = email
    ? await findCustomerBeforeMaking(client, 'contact', email, io)
    : await orphanNamed(client, fullName, io);
  const contactId = existing ?? (await writeContact(client, wanted, null, io));
  if (email && existing === null) io.customers?.forget('contact', email);
  if (!io.dryRun) {
    await api(() =>
      client.contacts.linkToCompany(
        { id: contactId, company_id: companyId, decision_maker: true },
        callsOf(io),
      ),
    );
  }
  return contactId;
}
