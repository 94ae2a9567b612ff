import { permanentError } from '../../../engine/errors';

/**
 * The MplusKASSA article number of a SKU. Article numbers are digits only (the API types them
 * `long`); a configured prefix such as "SKU-" is removed first. A SKU that is not a number fails
 * the record, naming the SKU: `Sales order "2025 / 4" line 2: SKU "ABC-1" is not an MplusKASSA article
 * number (digits only).`
 */
export function articleNumberOf(sku: string | undefined, prefix: string, where: string): number {
  const original = (sku ?? '').trim();
  if (original === '') {
    throw permanentError(`${where}: has no SKU, so it has no MplusKASSA article number.`, {
      code: 'missing_sku',
      field: 'sku',
    });
  }
  const text = prefix && original.startsWith(prefix) ? original.slice(prefix.length) : original;
  if (!/^\d{1,15}$/.test(text) || Number(text) === 0) {
    throw permanentError(
      `${where}: SKU "${original}" is not an MplusKASSA article number (digits only${prefix ? `, after removing the prefix "${prefix}"` : ''}).`,
      { code: 'invalid_sku', field: 'sku', value: original },
    );
  }
  return Number(text);
}
