/** Line and document totals the way Teamleader shows them: net prices, tax per rate, 2 decimals. */
import type { CurrencyCode } from '../currency-codes';
import type { EntityRecord } from './state';

export const ACCOUNT_CURRENCY: CurrencyCode = 'EUR';

// A type alias (not an interface) so it fits the spec's `Record<string, unknown>` objects.
export type MoneyValue = {
  amount: number;
  currency: CurrencyCode;
};

export function round2(value: number): number {
  return Math.round((value + Math.sign(value) * Number.EPSILON) * 100) / 100;
}

export function money(amount: number, currency: CurrencyCode): MoneyValue {
  return { amount: round2(amount), currency };
}

/** A line as the write operations accept it (`grouped_lines[].line_items[]`). */
export interface LineInput {
  quantity: number;
  description: string;
  extended_description?: string | null;
  unit_of_measure_id?: string | null;
  unit_price?: { amount: number; tax: string };
  tax_rate_id: string;
  discount?: { value: number; type: string };
  product_id?: string;
  product_category_id?: string;
  withholding_tax_rate_id?: string;
  purchase_price?: MoneyValue | null;
  /** Quotation lines only: how often the line recurs (`{unit: 'month', period: 3}`). */
  periodicity?: Periodicity | null;
}

type QuotationLine = NonNullable<
  NonNullable<EntityRecord<'quotations'>['grouped_lines']>[number]['line_items']
>[number];
/** As `quotations.info` shows it; what the request check lets in fits it. */
export type Periodicity = NonNullable<QuotationLine['periodicity']>;

export interface GroupInput {
  section?: { title: string };
  line_items: LineInput[];
}

export interface LineTotals {
  tax_exclusive: MoneyValue;
  tax_exclusive_before_discount: MoneyValue;
  tax_inclusive: MoneyValue;
  tax_inclusive_before_discount: MoneyValue;
}

export interface TaxLine {
  rate: number;
  taxable: MoneyValue;
  tax: MoneyValue;
}

export interface DocumentTotals {
  tax_exclusive: MoneyValue;
  tax_exclusive_before_discount: MoneyValue;
  tax_inclusive: MoneyValue;
  tax_inclusive_before_discount: MoneyValue;
  taxes: TaxLine[];
}

export function lineTotals(line: LineInput, rate: number, currency: CurrencyCode): LineTotals {
  const gross = line.quantity * (line.unit_price?.amount ?? 0);
  const net = gross * (1 - (line.discount?.value ?? 0) / 100);
  return {
    tax_exclusive: money(net, currency),
    tax_exclusive_before_discount: money(gross, currency),
    tax_inclusive: money(round2(net) * (1 + rate), currency),
    tax_inclusive_before_discount: money(round2(gross) * (1 + rate), currency),
  };
}

/**
 * Document totals: line nets summed per tax rate, document discounts (percentages) applied to each
 * rate's base, tax rounded per rate.
 */
export function documentTotals(
  groups: readonly GroupInput[],
  rateOf: (taxRateId: string) => number,
  discounts: readonly { value?: number | null }[],
  currency: CurrencyCode,
): DocumentTotals {
  const factor = discounts.reduce((f, d) => f * (1 - (d.value ?? 0) / 100), 1);
  const perRate = new Map<number, number>();
  let before = 0;
  let beforeInclusive = 0;
  for (const group of groups) {
    for (const line of group.line_items) {
      const rate = rateOf(line.tax_rate_id);
      const totals = lineTotals(line, rate, currency);
      perRate.set(rate, (perRate.get(rate) ?? 0) + totals.tax_exclusive.amount);
      before += totals.tax_exclusive.amount;
      beforeInclusive += totals.tax_exclusive.amount * (1 + rate);
    }
  }
  const taxes: TaxLine[] = [...perRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, base]) => {
      const taxable = round2(base * factor);
      return { rate, taxable: money(taxable, currency), tax: money(taxable * rate, currency) };
    });
  const exclusive = taxes.reduce((sum, t) => sum + t.taxable.amount, 0);
  const tax = taxes.reduce((sum, t) => sum + t.tax.amount, 0);
  return {
    tax_exclusive: money(exclusive, currency),
    tax_exclusive_before_discount: money(before, currency),
    tax_inclusive: money(exclusive + tax, currency),
    tax_inclusive_before_discount: money(beforeInclusive, currency),
    taxes,
  };
}
