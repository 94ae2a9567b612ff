import {
  countryCode,
  isEmptyAddress,
  joinStreetLine,
  splitStreetLine,
  type Address,
} from '../../../../shared/domain/address';
import type { Customer } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';
import type { Company, Contact } from '../../../connectors/teamleader/schemas';

type AddressType = 'primary' | 'invoicing' | 'delivery' | 'visiting';
interface ReadAddress {
  type?: string;
  address?: {
    line_1?: string | null;
    postal_code?: string | null;
    city?: string | null;
    country?: string | null;
  };
}

function fromTeamleader(entry: ReadAddress | undefined): Address | undefined {
  const address = entry?.address;
  if (!address) return undefined;
  const converted: Address = {
    ...splitStreetLine(address.line_1),
    ...(address.postal_code ? { postalCode: address.postal_code } : {}),
    ...(address.city ? { city: address.city } : {}),
    ...(countryCode(address.country) ? { country: countryCode(address.country) } : {}),
  };
  return isEmptyAddress(converted) ? undefined : converted;
}

function pick(addresses: readonly ReadAddress[] | undefined, ...types: AddressType[]): Address | undefined {
  for (const type of types) {
    const found = fromTeamleader((addresses ?? []).find((entry) => entry.type === type));
    if (found) return found;
  }
  return undefined;
}

const phone = (
  telephones: readonly { type?: string; number?: string | null }[] | undefined,
  type: string,
): string | undefined => telephones?.find((t) => t.type === type && t.number)?.number ?? undefined;

/** What a company's contact person is made of: fields `contacts.list` returns too (no `contacts.info`). */
export type ContactPersonFields = Pick<Contact, 'first_name' | 'last_name' | 'emails' | 'telephones'>;

/** A contact's name, e-mail and phone numbers. */
function personOf(contact: ContactPersonFields) {
  const email = contact.emails?.find((e) => e.type === 'primary')?.email ?? contact.emails?.[0]?.email;
  const phoneNumber = phone(contact.telephones, 'phone');
  const mobile = phone(contact.telephones, 'mobile');
  return {
    name: [contact.first_name, contact.last_name].filter(Boolean).join(' ') || 'Contact',
    ...(contact.first_name ? { firstName: contact.first_name } : {}),
    ...(contact.last_name ? { lastName: contact.last_name } : {}),
    ...(email ? { email } : {}),
    ...(phoneNumber ? { phone: phoneNumber } : mobile ? { phone: mobile } : {}),
    ...(mobile ? { mobile } : {}),
  };
}

/** A Teamleader contact as a canonical person. */
export function contactToCustomer(contact: Contact): Customer {
  const billing = pick(contact.addresses, 'invoicing', 'primary');
  const delivery = pick(contact.addresses, 'delivery');
  return {
    source: { system: 'teamleader', entity: 'contact', id: contact.id ?? '' },
    kind: 'person',
    ...personOf(contact),
    ...(contact.vat_number ? { vatNumber: contact.vat_number } : {}),
    ...(contact.language ? { language: contact.language } : {}),
    ...(billing ? { billingAddress: billing } : {}),
    ...(delivery ? { deliveryAddress: delivery } : {}),
    raw: toJsonObject(contact),
  };
}

/** A Teamleader company (with its contact person, when known) as a canonical company. */
export function companyToCustomer(company: Company, contactPerson: ContactPersonFields | null): Customer {
  const email =
    company.emails?.find((e) => e.type === 'primary')?.email ??
    company.emails?.find((e) => e.type === 'invoicing')?.email;
  const billing = pick(company.addresses, 'invoicing', 'primary', 'visiting');
  const delivery = pick(company.addresses, 'delivery');
  const phoneNumber = phone(company.telephones, 'phone');
  const name = company.name ?? 'Company';
  const person = contactPerson ? personOf(contactPerson) : undefined;
  return {
    source: { system: 'teamleader', entity: 'company', id: company.id ?? '' },
    kind: 'company',
    name,
    companyName: name,
    ...(person
      ? {
          contactPerson: {
            name: person.name,
            ...(person.firstName ? { firstName: person.firstName } : {}),
            ...(person.lastName ? { lastName: person.lastName } : {}),
            ...(person.email ? { email: person.email } : {}),
            ...(person.phone ? { phone: person.phone } : {}),
          },
        }
      : {}),
    ...(email ? { email } : {}),
    ...(phoneNumber ? { phone: phoneNumber } : {}),
    ...(company.vat_number ? { vatNumber: company.vat_number } : {}),
    ...(company.language ? { language: company.language } : {}),
    ...(billing ? { billingAddress: billing } : {}),
    ...(delivery ? { deliveryAddress: delivery } : {}),
    raw: toJsonObject(company),
  };
}

type WriteAddress = {
  type: AddressType;
  address: { line_1: string | null; postal_code: string | null; city: string | null; country: string };
};

function toTeamleader(
  type: AddressType,
  address: Address | undefined,
  fallbackCountry: string,
): WriteAddress | undefined {
  if (!address || isEmptyAddress(address)) return undefined;
  return {
    type,
    address: {
      line_1: joinStreetLine(address) ?? null,
      postal_code: address.postalCode ?? null,
      city: address.city ?? null,
      country: address.country ?? fallbackCountry,
    },
  };
}

/**
 * Replaces entries of the types we write and keeps the others: Teamleader replaces collections
 * wholesale on update, so sending only ours would delete what users added there.
 */
function merge<T extends { type?: string }>(existing: readonly T[] | undefined, ours: readonly T[]): T[] {
  const types = new Set(ours.map((entry) => entry.type));
  return [...(existing ?? []).filter((entry) => !types.has(entry.type)), ...ours];
}

type Phone = { type: 'phone' | 'mobile' | 'fax'; number: string };
type CompanyEmail = { type: 'primary' | 'invoicing'; email: string };

function phones(
  list: readonly { type?: string; number?: string | null }[] | undefined,
  types: readonly Phone['type'][],
): Phone[] {
  return (list ?? []).flatMap((entry) => {
    const type = types.find((candidate) => candidate === entry.type);
    return type && entry.number ? [{ type, number: entry.number }] : [];
  });
}

/** What Koppel writes to a contact (fits both contacts.add and contacts.update). */
export interface ContactBody {
  first_name?: string;
  last_name?: string;
  emails?: { type: 'primary'; email: string }[];
  telephones?: Phone[];
  addresses?: WriteAddress[];
  language?: string;
}

/** What Koppel writes to a company (fits both companies.add and companies.update). */
export interface CompanyBody {
  name?: string;
  vat_number?: string;
  emails?: CompanyEmail[];
  telephones?: { type: 'phone' | 'fax'; number: string }[];
  addresses?: WriteAddress[];
  language?: string;
}

/** contacts.add/update fields from a (possibly partial) customer, merged into the contact's collections. */
export function contactBody(
  customer: Partial<Customer>,
  existing: Contact | null,
  fallbackCountry = 'BE',
): ContactBody {
  const body: ContactBody = {};
  const last = customer.lastName ?? (customer.firstName ? undefined : customer.name);
  if (customer.firstName !== undefined) body.first_name = customer.firstName;
  if (last !== undefined) body.last_name = last;
  // Contacts have one e-mail type (primary): ours replaces it.
  if (customer.email !== undefined) body.emails = [{ type: 'primary', email: customer.email }];
  const telephones: Phone[] = [];
  if (customer.phone !== undefined) telephones.push({ type: 'phone', number: customer.phone });
  if (customer.mobile !== undefined) telephones.push({ type: 'mobile', number: customer.mobile });
  if (telephones.length > 0)
    body.telephones = merge(phones(existing?.telephones, ['phone', 'mobile', 'fax']), telephones);
  const addresses = [
    toTeamleader('primary', customer.billingAddress, fallbackCountry),
    toTeamleader('delivery', customer.deliveryAddress, fallbackCountry),
  ].filter((a): a is WriteAddress => a !== undefined);
  if (addresses.length > 0) body.addresses = merge(writeAddresses(existing?.addresses), addresses);
  if (customer.language !== undefined) body.language = customer.language;
  return body;
}

/** companies.add/update fields from a (possibly partial) customer, merged into the company's collections. */
export function companyBody(
  customer: Partial<Customer>,
  existing: Company | null,
  fallbackCountry = 'BE',
): CompanyBody {
  const body: CompanyBody = {};
  const name = customer.companyName ?? customer.name;
  if (name !== undefined) body.name = name;
  if (customer.vatNumber !== undefined) body.vat_number = customer.vatNumber;
  if (customer.email !== undefined) {
    const current: CompanyEmail[] = (existing?.emails ?? []).flatMap((e) =>
      e.email && e.type === 'invoicing' ? [{ type: 'invoicing' as const, email: e.email }] : [],
    );
    body.emails = merge<CompanyEmail>(current, [{ type: 'primary', email: customer.email }]);
  }
  if (customer.phone !== undefined) {
    // Companies accept phone and fax only (no mobile).
    body.telephones = merge(
      phones(existing?.telephones, ['phone', 'fax']).flatMap((t) =>
        t.type === 'mobile' ? [] : [{ type: t.type, number: t.number }],
      ),
      [{ type: 'phone' as const, number: customer.phone }],
    );
  }
  const addresses = [
    toTeamleader('invoicing', customer.billingAddress, fallbackCountry),
    toTeamleader('delivery', customer.deliveryAddress, fallbackCountry),
  ].filter((a): a is WriteAddress => a !== undefined);
  if (addresses.length > 0) body.addresses = merge(writeAddresses(existing?.addresses), addresses);
  if (customer.language !== undefined) body.language = customer.language;
  return body;
}

function writeAddresses(addresses: readonly ReadAddress[] | undefined): WriteAddress[] {
  return (addresses ?? []).flatMap((entry) => {
    const type = entry.type;
    if (type !== 'primary' && type !== 'invoicing' && type !== 'delivery' && type !== 'visiting') return [];
    const a = entry.address;
    if (!a?.country) return [];
    return [
      {
        type,
        address: {
          line_1: a.line_1 ?? null,
          postal_code: a.postal_code ?? null,
          city: a.city ?? null,
          country: a.country,
        },
      },
    ];
  });
}

/** Whether an update body would change anything the record shows (so unchanged records are not written). */
export function changesSomething(body: object, existing: object): boolean {
  const normalise = (value: unknown): string =>
    JSON.stringify(value, (_key, v: unknown) => (v === undefined ? null : v));
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const current = Reflect.get(existing, key);
    if (Array.isArray(value) && Array.isArray(current)) {
      const sort = (list: unknown[]) => list.map((entry) => normalise(entry)).sort();
      const currentComparable = current.map((entry: unknown) => stripRead(entry));
      if (normalise(sort(value)) !== normalise(sort(currentComparable))) return true;
    } else if (normalise(value) !== normalise(current ?? null)) {
      return true;
    }
  }
  return false;
}

/** Read shapes carry extra keys (`area_level_two`, `addressee`); compare on what we write. */
function stripRead(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null) return entry;
  const type: unknown = Reflect.get(entry, 'type');
  const address: unknown = Reflect.get(entry, 'address');
  if (typeof address === 'object' && address !== null) {
    return {
      type,
      address: {
        line_1: Reflect.get(address, 'line_1') ?? null,
        postal_code: Reflect.get(address, 'postal_code') ?? null,
        city: Reflect.get(address, 'city') ?? null,
        country: Reflect.get(address, 'country'),
      },
    };
  }
  const email: unknown = Reflect.get(entry, 'email');
  if (email !== undefined) return { type, email };
  return { type, number: Reflect.get(entry, 'number') };
}
