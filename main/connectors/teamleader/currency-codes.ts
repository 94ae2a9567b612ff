import type { TeamleaderRequest } from './schemas';

/** The spec's CurrencyCode enum (BAM … ZAR): what a Teamleader amount's `currency` may be. */
export type CurrencyCode = NonNullable<TeamleaderRequest<'deals.create'>['currency']>['code'];

// Typed against the spec's generated types: a code the spec does not list does not compile.
const CURRENCY_CODES: readonly CurrencyCode[] = [
  'BAM',
  'CAD',
  'CHF',
  'CLP',
  'CNY',
  'COP',
  'CZK',
  'DKK',
  'EUR',
  'GBP',
  'INR',
  'ISK',
  'JPY',
  'MAD',
  'MXN',
  'NOK',
  'PEN',
  'PLN',
  'RON',
  'SEK',
  'TRY',
  'USD',
  'ZAR',
];

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return CURRENCY_CODES.some((code) => code === value);
}
