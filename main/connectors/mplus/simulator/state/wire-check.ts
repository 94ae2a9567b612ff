import { EncodeError, writeChildren } from '../../xml/encode';

/**
 * Checks that values read back from a state file still fit their WSDL types, by running them
 * through the SOAP encoder's schema checks (required elements, scalar types, enum values).
 */
export function parseWireList<T>(typeKey: string, value: unknown, path: string): T[] {
  if (!Array.isArray(value)) throw new EncodeError(path, 'expected a list');
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new EncodeError(`${path}[${index}]`, `expected a ${typeKey} object`);
    }
    writeChildren(typeKey, item as Record<string, unknown>, 'ns', `${path}[${index}]`);
  });
  // Every item passed the schema checks above.
  return value as T[];
}
