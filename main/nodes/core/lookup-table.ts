import type { JsonValue } from '../../../shared/flow/json';
import type { LookupRow } from '../../../shared/nodes/common-fields';
import { runMessage } from '../../../shared/flow/run-messages';
import { permanentError } from '../../engine/errors';

/**
 * Looks a value up in a key → value table (keys compared as text). A key without a row gives the
 * default; without a default it fails the record naming the field and the key, or leaves the
 * value alone, as configured.
 */
export function lookupValue(
  path: string,
  value: JsonValue | undefined,
  table: readonly LookupRow[],
  options: {
    default: JsonValue | undefined;
    failIfMissing: boolean;
    caseSensitive: boolean;
    target?: string;
  },
): JsonValue | undefined {
  const key =
    value === undefined || value === null
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  const wanted = options.caseSensitive ? key : key.toLowerCase();
  const row = table.find(
    (candidate) => (options.caseSensitive ? candidate.key : candidate.key.toLowerCase()) === wanted,
  );
  if (row) return row.value;
  if (options.default !== undefined) return options.default;
  if (options.failIfMissing) {
    throw permanentError(runMessage('lookupMissing', { path, key, target: options.target || undefined }), {
      code: 'lookup_missing',
      field: path,
      ...(value === undefined ? {} : { value }),
    });
  }
  return value;
}
