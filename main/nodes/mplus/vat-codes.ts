import type { VatCodeRule } from '../../../shared/nodes/mplus/targets';
import { permanentError } from '../../engine/errors';

/** The MplusKASSA VAT code for a tax rate (percent), from the node's table; fails naming the rate. */
export function vatCodeFor(rules: readonly VatCodeRule[], rate: number, where: string): number {
  const rule = rules.find((candidate) => Math.abs(candidate.rate - rate) < 0.001);
  if (!rule) {
    throw permanentError(
      `${where}: tax rate ${rate} % has no MplusKASSA VAT code (add it to the "Tax rate → VAT code" table).`,
      { code: 'unknown_tax_rate', field: 'taxRate', value: rate },
    );
  }
  return rule.code;
}
