import type { MplusPlace } from '../../../../shared/flow/messages/mplus-messages';
import { runMessage } from '../../../../shared/flow/run-messages';
import { permanentError } from '../../../engine/errors';

/**
 * The MplusKASSA article number of a SKU. Article numbers are digits only (the API types them
 * `long`); a configured prefix such as "SKU-" is removed first. A SKU that is not a number fails
 * the record, naming the SKU: `Sales order "2025 / 4" line 2: SKU "ABC-1" is not an MplusKASSA article
 * number (digits only).`
 */
export function articleNumberOf(sku: string | undefined, prefix: string, where: MplusPlace): number {
  const original = (sku ?? '').trim();
  if (original === '') {
    throw permanentError(runMessage('mplusMissingSku', where), {
      code: 'missing_sku',
      field: 'sku',
    });
  }
  const text = prefix && original.startsWith(prefix) ? original.slice(prefix.length) : original;
  if (!/^\d{1,15}$/.test(text) || Number(text) === 0) {
    throw permanentError(runMessage('mplusInvalidSku', { ...where, sku: original, prefix }), {
      code: 'invalid_sku',
      field: 'sku',
      value: original,
    });
  }
  return Number(text);
}
