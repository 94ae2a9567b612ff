import { z } from 'zod';

/**
 * A postal address as both systems can hold it. `country` is ISO 3166-1 alpha-2 in upper case
 * (`NL`, `BE`); MplusKASSA keeps street and number in one line, Teamleader in `line_1`, so the
 * canonical record splits them (see {@link splitStreetLine}).
 */
export const Address = z.looseObject({
  street: z.string().optional(),
  number: z.string().optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
});
export type Address = z.infer<typeof Address>;

/** "Prinsengracht 117" → street "Prinsengracht", number "117"; "Dok Noord 3A bus 2" keeps the rest. */
export function splitStreetLine(line: string | null | undefined): { street?: string; number?: string } {
  const text = (line ?? '').trim().replace(/\s+/g, ' ');
  if (text === '') return {};
  const match = /^(.*?\D)\s+(\d+\S*(?:\s.*)?)$/.exec(text);
  if (!match?.[1] || !match[2]) return { street: text };
  return { street: match[1].trim(), number: match[2].trim() };
}

/** street + number back into one line; undefined when both are empty. */
export function joinStreetLine(address: Pick<Address, 'street' | 'number'> | undefined): string | undefined {
  const line = [address?.street, address?.number]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return line === '' ? undefined : line;
}

/** Upper-cased two-letter code, or undefined for anything that is not one. */
export function countryCode(value: string | null | undefined): string | undefined {
  const code = (value ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** True when the address holds nothing worth writing. */
export function isEmptyAddress(address: Address | undefined): boolean {
  return (
    !address ||
    [address.street, address.number, address.postalCode, address.city, address.country].every((v) => !v)
  );
}
