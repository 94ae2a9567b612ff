import type { CodedText } from '../../../../shared/flow/wording';
import { englishValueReason, mplusValueReason } from '../../../../shared/flow/messages/mplus-value-reasons';
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
    /** Why, as a code: the screens word it in their language. */
    readonly reason: CodedText,
  ) {
    super(`${path}: ${englishValueReason(reason)}`);
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

/** Where the encoder is, kept as a chain so the path text is only built for an error. */
interface At {
  readonly parent: At | undefined;
  readonly name: string;
  readonly index: number | undefined;
}

function pathText(at: At | undefined, name?: string, index?: number): string {
  const parts: string[] = [];
  if (name !== undefined) parts.push(index === undefined ? name : `${name}[${index}]`);
  for (let node = at; node; node = node.parent)
    parts.unshift(node.index === undefined ? node.name : `${node.name}[${node.index}]`);
  return parts.join('.');
}

/** The wire text of a scalar, or the reason it does not fit its XSD type. (No closures: this runs per element.) */
function checkScalar(field: FieldModel, value: unknown): { text: string } | CodedText {
  if (field.kind === 'enum') {
    return typeof value === 'string' && enumValues(field.type).has(value)
      ? { text: value }
      : mplusValueReason('notEnumValue', { value: describe(value), type: field.type });
  }
  const range = INTEGER_RANGES[field.type];
  if (range) {
    return typeof value === 'number' && Number.isInteger(value) && value >= range[0] && value <= range[1]
      ? { text: String(value) }
      : mplusValueReason('notXsdType', { value: describe(value), type: field.type });
  }
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean'
        ? { text: value ? 'true' : 'false' }
        : mplusValueReason('notBoolean', { value: describe(value) });
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value)
        ? { text: value }
        : mplusValueReason('notDecimalValue', { value: describe(value) });
    case 'date':
    case 'dateTime':
      return typeof value === 'string' && (field.type === 'date' ? DATE : DATE_TIME).test(value)
        ? { text: value }
        : mplusValueReason('notXsdType', { value: describe(value), type: field.type });
    case 'base64':
      return typeof value === 'string' && BASE64.test(value)
        ? { text: value }
        : mplusValueReason('notBase64');
    default:
      if (typeof value !== 'string') return mplusValueReason('notText', { value: describe(value) });
      if (hasForbiddenXmlChar(value)) return mplusValueReason('controlCharacter');
      return { text: escapeXmlText(value) };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function writeOne(
  field: FieldModel,
  value: unknown,
  prefix: string,
  at: At,
  index: number | undefined,
): string {
  const tag = `${prefix}:${field.name}`;
  if (field.kind === 'complex') {
    if (!isRecord(value))
      throw new EncodeError(
        pathText(at, field.name, index),
        mplusValueReason('expectedObject', { type: field.type }),
      );
    const children = writeFields(field.type, value, prefix, { parent: at, name: field.name, index });
    return children === '' ? `<${tag}/>` : `<${tag}>${children}</${tag}>`;
  }
  const checked = checkScalar(field, value);
  if ('code' in checked) throw new EncodeError(pathText(at, field.name, index), checked);
  return checked.text === '' ? `<${tag}/>` : `<${tag}>${checked.text}</${tag}>`;
}

function writeFields(typeKey: string, value: Record<string, unknown>, prefix: string, at: At): string {
  const type = complexType(typeKey);
  const known = fieldsByName(typeKey);
  for (const key in value) {
    if (value[key] !== undefined && !known.has(key)) {
      throw new EncodeError(pathText(at, key), mplusValueReason('notAnElement', { type: typeKey }));
    }
  }
  // String concatenation (V8 ropes) allocates far less than collecting parts for a join.
  let xml = '';
  for (const field of type.fields) {
    const item = value[field.name];
    if (item === undefined || item === null) {
      if (!field.required || field.list) continue;
      if (field.kind === 'complex' && isEmptiable(field.type)) {
        xml += `<${prefix}:${field.name}/>`;
        continue;
      }
      throw new EncodeError(
        pathText(at, field.name),
        mplusValueReason('requiredBySchema', { type: field.type }),
      );
    }
    if (field.list) {
      if (!Array.isArray(item))
        throw new EncodeError(pathText(at, field.name), mplusValueReason('expectedList'));
      for (let index = 0; index < item.length; index++)
        xml += writeOne(field, item[index], prefix, at, index);
    } else {
      xml += writeOne(field, item, prefix, at, undefined);
    }
  }
  return xml;
}

/** The children of an element of complex type `typeKey`, in sequence order (`path` names it in errors). */
export function writeChildren(
  typeKey: string,
  value: Record<string, unknown>,
  prefix: string,
  path: string,
): string {
  return writeFields(typeKey, value, prefix, { parent: undefined, name: path, index: undefined });
}

/** `<prefix:element>…children…</prefix:element>` for a value of complex type `typeKey`. */
export function encodeElement(
  element: string,
  typeKey: string,
  value: Record<string, unknown>,
  prefix: string,
  namespaceDeclaration = '',
): string {
  const children = writeChildren(typeKey, value, prefix, element);
  const open = `${prefix}:${element}${namespaceDeclaration}`;
  return children === '' ? `<${open}/>` : `<${open}>${children}</${prefix}:${element}>`;
}
