import { z } from 'zod';
import { Address } from './address';
import { RawRecord, SourceRef } from './source-ref';

/** The person to address at a company customer. */
export const ContactPerson = z.looseObject({
  name: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});
export type ContactPerson = z.infer<typeof ContactPerson>;

/**
 * A customer: a person, or a company with a contact person. Matched across systems by e-mail
 * (`email`, lower-cased when compared).
 */
export const Customer = z.looseObject({
  source: SourceRef.optional(),
  kind: z.enum(['person', 'company']),
  /** Display name: the company name, or the person's full name. */
  name: z.string().min(1),
  companyName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  contactPerson: ContactPerson.optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  mobile: z.string().optional(),
  vatNumber: z.string().optional(),
  language: z.string().optional(),
  billingAddress: Address.optional(),
  deliveryAddress: Address.optional(),
  raw: RawRecord.optional(),
});
export type Customer = z.infer<typeof Customer>;

/** "Anna de Vries" → first "Anna", last "de Vries". */
export function splitPersonName(name: string | undefined): { firstName?: string; lastName?: string } {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return {};
  if (parts.length === 1) return { lastName: parts[0] };
  return { firstName: parts[0], lastName: parts.slice(1).join(' ') };
}

/** The e-mail Koppel matches customers by: trimmed and lower-cased, or undefined. */
export function matchEmail(email: string | null | undefined): string | undefined {
  const value = (email ?? '').trim().toLowerCase();
  return value.includes('@') ? value : undefined;
}
