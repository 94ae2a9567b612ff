import { parseDecimal } from '../../conversions';
import type { WireRelation } from '../../generated/wire-types';

/**
 * A relation as stored, with its `balance`: the total of `invoiceCredit` and `accountBalance`
 * (reference §3.2), whatever the client sent for it. It is a `long` beside two decimals; cents, as
 * the reference reads the other `long` amounts (its unit there is marked unverified).
 */
export function withBalance(relation: WireRelation): WireRelation {
  const cents = (decimal: string | undefined) =>
    decimal === undefined ? 0 : Math.round(parseDecimal(decimal) * 100);
  return { ...relation, balance: cents(relation.invoiceCredit) + cents(relation.accountBalance) };
}
