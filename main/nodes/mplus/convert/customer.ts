import type { Relation } from '../../../connectors/mplus/generated/model-types';
import {
  countryCode,
  isEmptyAddress,
  joinStreetLine,
  splitStreetLine,
  type Address,
} from '../../../../shared/domain/address';
import { splitPersonName, type Customer } from '../../../../shared/domain/customer';
import { toJsonObject } from '../../../../shared/domain/json';

function addressOf(line?: string, zipcode?: string, city?: string, country?: string): Address | undefined {
  const address: Address = {
    ...splitStreetLine(line),
    ...(zipcode ? { postalCode: zipcode } : {}),
    ...(city ? { city } : {}),
    ...(countryCode(country) ? { country: countryCode(country) } : {}),
  };
  return isEmptyAddress(address) ? undefined : address;
}

/** An MplusKASSA relation as a canonical customer (a company when it has a company name). */
export function relationToCustomer(relation: Relation): Customer {
  const company = Boolean(relation.companyName?.trim());
  const name =
    (company ? relation.companyName : relation.name)?.trim() || `Relation ${relation.relationNumber ?? ''}`;
  const person = splitPersonName(company ? relation.contact : relation.name);
  const billing = addressOf(relation.address, relation.zipcode, relation.city, relation.country);
  const delivery = addressOf(
    relation.deliveryAddress,
    relation.deliveryZipcode,
    relation.deliveryCity,
    relation.deliveryCountry,
  );
  return {
    source: { system: 'mplus', entity: 'relation', id: String(relation.relationNumber ?? '') },
    kind: company ? 'company' : 'person',
    name,
    ...(company ? { companyName: name } : { ...person }),
    ...(company && relation.contact?.trim()
      ? { contactPerson: { name: relation.contact.trim(), ...person } }
      : {}),
    ...(relation.email ? { email: relation.email } : {}),
    ...(relation.telephone ? { phone: relation.telephone } : {}),
    ...(relation.mobile ? { mobile: relation.mobile } : {}),
    ...(relation.vatNumber ? { vatNumber: relation.vatNumber } : {}),
    ...(billing ? { billingAddress: billing } : {}),
    ...(delivery ? { deliveryAddress: delivery } : {}),
    raw: toJsonObject(relation),
  };
}

/**
 * The relation fields a (possibly partial) customer payload sets. Fields the payload leaves out
 * (create-only fields on an update) are left out of the request, so MplusKASSA keeps its values.
 */
export function customerToRelation(customer: Partial<Customer>): Relation {
  const relation: Relation = {};
  const company = customer.kind === 'company' || Boolean(customer.companyName);
  const personName =
    [customer.firstName, customer.lastName].filter(Boolean).join(' ') ||
    (company ? undefined : customer.name);
  if (company) {
    const name = customer.companyName ?? customer.name;
    if (name) {
      relation.name = name;
      relation.companyName = name;
    }
    const contact =
      customer.contactPerson?.name ??
      ([customer.contactPerson?.firstName, customer.contactPerson?.lastName].filter(Boolean).join(' ') ||
        undefined);
    if (contact) relation.contact = contact;
  } else if (personName) {
    relation.name = personName;
  }
  if (customer.email !== undefined) relation.email = customer.email;
  if (customer.phone !== undefined) relation.telephone = customer.phone;
  if (customer.mobile !== undefined) relation.mobile = customer.mobile;
  if (customer.vatNumber !== undefined) relation.vatNumber = customer.vatNumber;
  const billing = customer.billingAddress;
  if (billing) {
    const line = joinStreetLine(billing);
    if (line !== undefined) relation.address = line;
    if (billing.postalCode !== undefined) relation.zipcode = billing.postalCode;
    if (billing.city !== undefined) relation.city = billing.city;
    if (billing.country !== undefined) relation.country = billing.country;
  }
  const delivery = customer.deliveryAddress;
  if (delivery) {
    const line = joinStreetLine(delivery);
    if (line !== undefined) relation.deliveryAddress = line;
    if (delivery.postalCode !== undefined) relation.deliveryZipcode = delivery.postalCode;
    if (delivery.city !== undefined) relation.deliveryCity = delivery.city;
    if (delivery.country !== undefined) relation.deliveryCountry = delivery.country;
  }
  return relation;
}

/** The fields of `wanted` whose value differs from `current` (what an update must send). */
export function changedRelationFields(current: Relation, wanted: Relation): Relation {
  const changes: Relation = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const before: unknown = Reflect.get(current, key);
    const normalise = (text: unknown) =>
      key === 'email'
        ? String(text ?? '')
            .trim()
            .toLowerCase()
        : String(text ?? '').trim();
    if (normalise(before) !== normalise(value)) Reflect.set(changes, key, value);
  }
  return changes;
}
