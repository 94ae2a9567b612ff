import { z } from 'zod';
import { RawRecord, SourceRef } from './source-ref';

/**
 * A sellable product (an MplusKASSA article, a Teamleader product). Matched across systems by
 * `sku`: the Teamleader `code`, the MplusKASSA article number. Prices are decimals in `currency`,
 * `taxRate` a percentage (21 for 21 %), `quantity` the free stock.
 */
export const Product = z.looseObject({
  source: SourceRef,
  sku: z.string().optional(),
  ean: z.string().optional(),
  name: z.string(),
  shortDescription: z.string().optional(),
  longDescription: z.string().optional(),
  priceExcl: z.number().optional(),
  priceIncl: z.number().optional(),
  taxRate: z.number().min(0).max(100).optional(),
  currency: z.string().default('EUR'),
  quantity: z.number().optional(),
  category: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  /** Extra fields mapped by hand (colour, size, brand, custom fields by label). */
  attributes: z.record(z.string(), z.json()).default({}),
  active: z.boolean().optional(),
  raw: RawRecord.optional(),
});
export type Product = z.infer<typeof Product>;

/** Rounds to `decimals` places (money to cents, unit prices to 4 places). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Math.sign(value) * Number.EPSILON) * factor) / factor;
}

/** The net price from a gross one at `ratePercent`. */
export function exclFromIncl(incl: number, ratePercent: number, decimals = 4): number {
  return roundTo(incl / (1 + ratePercent / 100), decimals);
}

/** The gross price from a net one at `ratePercent`. */
export function inclFromExcl(excl: number, ratePercent: number, decimals = 4): number {
  return roundTo(excl * (1 + ratePercent / 100), decimals);
}
