import { mplusValueReason } from '../../../../../shared/flow/messages/mplus-value-reasons';
import { EncodeError, writeChildren } from '../../xml/encode';

/**
 * Checks that values read back from a state file still fit their WSDL types, by running them
 * through the SOAP encoder's schema checks (required elements, scalar types, enum values).
 */
export function parseWireList<T>(typeKey: string, value: unknown, path: string): T[] {
  if (!Array.isArray(value)) throw new EncodeError(path, mplusValueReason('expectedList'));
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new EncodeError(`${path}[${index}]`, mplusValueReason('expectedObject', { type: typeKey }));
    }
    writeChildren(typeKey, item as Record<string, unknown>, 'ns', `${path}[${index}]`);
  });
  // Every item passed the schema checks above.
  return value as T[];
}
