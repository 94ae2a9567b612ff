import type { VatCodeRule } from '../../../shared/nodes/mplus/targets';
import { runMessage } from '../../../shared/flow/run-messages';
import type { MplusPlace } from '../../../shared/flow/messages/mplus-messages';
import { permanentError } from '../../engine/errors';

/** The MplusKASSA VAT code a table gives a tax rate (percent), or undefined without a row for it. */
export function vatCodeOf(rules: readonly VatCodeRule[], rate: number): number | undefined {
  return rules.find((candidate) => Math.abs(candidate.rate - rate) < 0.001)?.code;
}

/** The MplusKASSA VAT code for a tax rate (percent), from the node's table; fails naming the rate. */
export function vatCodeFor(rules: readonly VatCodeRule[], rate: number, where: MplusPlace): number {
  const code = vatCodeOf(rules, rate);
  if (code === undefined) {
    throw permanentError(runMessage('mplusUnknownTaxRate', { ...where, rate }), {
      code: 'unknown_tax_rate',
      field: 'taxRate',
      value: rate,
    });
  }
  return code;
}
