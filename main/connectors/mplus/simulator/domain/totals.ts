import { unscaleQuantity } from '../../conversions';
import type { WireLine, WireVatGroup, VatMethod } from '../../generated/wire-types';

/**
 * Order and invoice totals from the lines and the VAT codes of the administration, as the server
 * computes them (clients are told not to compute VAT themselves). Amounts are integer cents;
 * VAT is rounded once per VAT code, not per line.
 */

export interface TotalsResult {
  totalInclAmount: number;
  totalExclAmount: number;
  vatGroups: WireVatGroup[];
}

export class VatConfigurationError extends Error {
  constructor(readonly vatCode: number) {
    // The real server's wording (release notes) for a VAT code without a rate.
    super(
      `The rate for VAT-code ${vatCode} is not properly configured. Please contact API support at dev@mpluskassa.nl.`,
    );
  }
}

/** Net amount of a line in cents: price × quantity minus its discount (fills in line totals). */
function lineAmount(line: WireLine): number {
  const data = line.data;
  if (!data) return 0;
  const quantity = unscaleQuantity(data.quantity, data.decimalPlaces ?? 0);
  const gross = Math.round((data.price ?? 0) * quantity);
  const discount = data.discountAmount ?? Math.round((gross * (data.discountPercentage ?? 0)) / 100);
  return gross - discount;
}

const exclFromIncl = (incl: number, rate: number): number => Math.round((incl * 100) / (100 + rate));

export function computeTotals(
  lines: readonly WireLine[],
  vatMethod: VatMethod,
  rateOf: (vatCode: number) => number | undefined,
): TotalsResult {
  const perCode = new Map<number, { rate: number; amount: number }>();
  for (const line of lines) {
    const data = line.data;
    if (!data) continue;
    const vatCode = data.vatCode ?? 0;
    const rate = vatMethod === 'VAT-METHOD-SHIFTED' || vatMethod === 'VAT-METHOD-NONE' ? 0 : rateOf(vatCode);
    if (rate === undefined) throw new VatConfigurationError(vatCode);
    const amount = lineAmount(line);
    data.vatPercentage = rate;
    if (vatMethod === 'VAT-METHOD-EXCLUSIVE') {
      data.totalExclAmount = amount;
      data.totalInclAmount = amount + Math.round((amount * rate) / 100);
    } else {
      data.totalInclAmount = amount;
      data.totalExclAmount = exclFromIncl(amount, rate);
    }
    const group = perCode.get(vatCode) ?? { rate, amount: 0 };
    group.amount += amount;
    perCode.set(vatCode, group);
  }
  let totalInclAmount = 0;
  let totalExclAmount = 0;
  const vatGroups: WireVatGroup[] = [];
  for (const [vatCode, { rate, amount }] of [...perCode].sort((a, b) => a[0] - b[0])) {
    const excl = vatMethod === 'VAT-METHOD-EXCLUSIVE' ? amount : exclFromIncl(amount, rate);
    const vat = vatMethod === 'VAT-METHOD-EXCLUSIVE' ? Math.round((amount * rate) / 100) : amount - excl;
    totalExclAmount += excl;
    totalInclAmount += excl + vat;
    vatGroups.push({ vatCode, vatPercentage: rate, exclAmount: excl, vatAmount: vat });
  }
  return { totalInclAmount, totalExclAmount, vatGroups };
}
