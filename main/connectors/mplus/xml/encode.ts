import { complexType, enumValues, fieldsByName, isEmptiable } from '../schema/schema-index';
import type { FieldModel } from '../schema/schema-model';
import { escapeXmlText, hasForbiddenXmlChar } from './xml-text';

/**
 * Writes wire values as namespace-qualified elements in xsd:sequence order, driven by the generated
 * schema model: optional fields are left out when unset, required empty wrappers (e.g. the
 * `pluNumbers` TextList) are emitted, and every scalar is checked against its XSD type.
 */

export class EncodeError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'EncodeError';
  }
}

const INTEGER_RANGES: Record<string, readonly [number, number]> = {
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  unsignedLong: [0, Number.MAX_SAFE_INTEGER],
  int: [-(2 ** 31), 2 ** 31 - 1],
  unsignedInt: [0, 2 ** 32 - 1],
  short: [-(2 ** 15), 2 ** 15 - 1],
  unsignedShort: [0, 2 ** 16 - 1],
  unsignedByte: [0, 255],
};
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

const describe = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : String(value);

function scalarText(field: FieldModel, value: unknown, path: string): string {
  if (field.kind === 'enum') {
    if (typeof value !== 'string' || !enumValues(field.type).has(value)) {
      throw new EncodeError(path, `${describe(value)} is not one of the ${field.type} values`);
    }
    return value;
  }
  const range = INTEGER_RANGES[field.type];
  if (range) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
      throw new EncodeError(path, `${describe(value)} is not an xsd:${field.type}`);
    }
    return String(value);
  }
  switch (field.type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new EncodeError(path, `${describe(value)} is not a boolean`);
      return value ? 'true' : 'false';
    case 'decimal':
      if (typeof value !== 'string' || !DECIMAL.test(value)) {
        throw new EncodeError(path, `${describe(value)} is not an xsd:decimal text`);
      }
      return value;
    case 'date':
    case 'dateTime':
      if (typeof value !== 'string' || !(field.type === 'date' ? DATE : DATE_TIME).test(value)) {
        throw new EncodeError(path, `${describe(value)} is not an xsd:${field.type}`);
      }
      return value;
    case 'base64':
      if (typeof value !== 'string' || !BASE64.test(value)) throw new EncodeError(path, 'is not base64 text');
      return value;
    default:
      if (typeof value !== 'string') throw new EncodeError(path, `${describe(value)} is not a string`);
      if (hasForbiddenXmlChar(value))
        throw new EncodeError(path, 'contains a control character XML cannot carry');
      return escapeXmlText(value);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function writeOne(field: FieldModel, value: unknown, prefix: string, path: string, out: string[]): void {
  const tag = `${prefix}:${field.name}`;
  if (field.kind === 'complex') {
    if (!isRecord(value)) throw new EncodeError(path, `expected an object of type ${field.type}`);
    const start = out.length;
    out.push(`<${tag}>`);
    writeChildren(field.type, value, prefix, path, out);
    if (out.length === start + 1) out[start] = `<${tag}/>`;
    else out.push(`</${tag}>`);
    return;
  }
  const text = scalarText(field, value, path);
  out.push(text === '' ? `<${tag}/>` : `<${tag}>${text}</${tag}>`);
}

/** Appends the children of an element of complex type `typeKey`, in sequence order. */
export function writeChildren(
  typeKey: string,
  value: Record<string, unknown>,
  prefix: string,
  path: string,
  out: string[],
): void {
  const type = complexType(typeKey);
  const known = fieldsByName(typeKey);
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined && !known.has(key)) {
      throw new EncodeError(`${path}.${key}`, `is not an element of ${typeKey}`);
    }
  }
  for (const field of type.fields) {
    const fieldPath = `${path}.${field.name}`;
    const item = value[field.name];
    if (item === undefined || item === null) {
      if (!field.required || field.list) continue;
      if (field.kind === 'complex' && isEmptiable(field.type)) {
        out.push(`<${prefix}:${field.name}/>`);
        continue;
      }
      throw new EncodeError(fieldPath, `is required by the schema (${field.type})`);
    }
    if (field.list) {
      if (!Array.isArray(item)) throw new EncodeError(fieldPath, 'expected a list');
      item.forEach((entry: unknown, index) => writeOne(field, entry, prefix, `${fieldPath}[${index}]`, out));
    } else {
      writeOne(field, item, prefix, fieldPath, out);
    }
  }
}

/** `<prefix:element>…children…</prefix:element>` for a value of complex type `typeKey`. */
export function encodeElement(
  element: string,
  typeKey: string,
  value: Record<string, unknown>,
  prefix: string,
  namespaceDeclaration = '',
): string {
  const out: string[] = [];
  writeChildren(typeKey, value, prefix, element, out);
  const open = `${prefix}:${element}${namespaceDeclaration}`;
  return out.length === 0 ? `<${open}/>` : `<${open}>${out.join('')}</${prefix}:${element}>`;
}
