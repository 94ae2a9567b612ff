import type { CodedText } from '../../../shared/flow/wording';
import { englishValueReason, mplusValueReason } from '../../../shared/flow/messages/mplus-value-reasons';
import {
  centsToDecimal,
  ConversionError,
  decimalToCents,
  formatDecimal,
  isoToMplusDate,
  isoToMplusDateTime,
  mplusDateTimeToIso,
  mplusDateToIso,
  parseDecimal,
  scaleQuantity,
  unscaleQuantity,
  type MplusDate,
  type MplusDateTime,
} from './conversions';
import { complexType, fieldsByName } from './schema/schema-index';
import { DATE_TIME_TYPE, DATE_TYPE, type FieldModel } from './schema/schema-model';

/**
 * Converts whole wire values to Koppel values and back by walking the generated schema model:
 * money fields, quantity pairs, date structs and xsd:decimal text change shape; everything else is
 * passed through. The element names stay the WSDL's.
 */

export class ModelConversionError extends Error {
  constructor(
    readonly path: string,
    /** Why, as a code: the screens word it in their language. */
    readonly reason: CodedText,
  ) {
    super(`${path}: ${englishValueReason(reason)}`);
    this.name = 'ModelConversionError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function at<T>(path: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof ConversionError) throw new ModelConversionError(path, error.reason);
    throw error;
  }
}

// ------------------------------------------------------------------------------ wire → Koppel

/** Where the walk is; the path text is only built for an error (this runs for every field of big pages). */
interface At {
  readonly parent: At | undefined;
  readonly name: string;
  readonly index: number | undefined;
}

function pathText(at: At | undefined, name: string, index: number | undefined): string {
  const parts = [index === undefined ? name : `${name}[${index}]`];
  for (let node = at; node; node = node.parent)
    parts.unshift(node.index === undefined ? node.name : `${node.name}[${node.index}]`);
  return parts.join('.');
}

function fieldToModel(
  field: FieldModel,
  value: unknown,
  wire: Record<string, unknown>,
  at: At,
  index: number | undefined,
): unknown {
  try {
    if (field.kind === 'complex') {
      if (field.type === DATE_TYPE) return mplusDateToIso(value as MplusDate);
      if (field.type === DATE_TIME_TYPE) return mplusDateTimeToIso(value as MplusDateTime);
      return toModel(field.type, value as Record<string, unknown>, { parent: at, name: field.name, index });
    }
    if (field.conversion === 'money') return centsToDecimal(value as number);
    if (field.conversion === 'quantity') {
      const scale = field.scaleField ? wire[field.scaleField] : undefined;
      return unscaleQuantity(value as number, typeof scale === 'number' ? scale : 0);
    }
    if (field.kind === 'primitive' && field.type === 'decimal') return parseDecimal(value as string);
    return value;
  } catch (error) {
    if (error instanceof ConversionError)
      throw new ModelConversionError(pathText(at, field.name, index), error.reason);
    throw error;
  }
}

function toModel(typeKey: string, wire: Record<string, unknown>, at: At): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of complexType(typeKey).fields) {
    if (field.conversion === 'scale') continue;
    const value = wire[field.name];
    if (value === undefined) continue;
    if (field.list) {
      const items = value as unknown[];
      const converted = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) converted[i] = fieldToModel(field, items[i], wire, at, i);
      out[field.name] = converted;
    } else {
      out[field.name] = fieldToModel(field, value, wire, at, undefined);
    }
  }
  return out;
}

/** A decoded wire value (from xml/decode) of complex type `typeKey` → its Koppel shape. */
export function wireToModel(
  typeKey: string,
  wire: Record<string, unknown>,
  path: string = typeKey,
): Record<string, unknown> {
  return toModel(typeKey, wire, { parent: undefined, name: path, index: undefined });
}

// ------------------------------------------------------------------------------ Koppel → wire

function dateInput(value: unknown, path: string): string | Date {
  if (typeof value === 'string' || value instanceof Date) return value;
  throw new ModelConversionError(path, mplusValueReason('expectedDateText', { got: typeof value }));
}

function numberInput(value: unknown, path: string, what: 'amount' | 'quantity' | 'decimal'): number {
  if (typeof value !== 'number')
    throw new ModelConversionError(path, mplusValueReason('expectedNumber', { what, got: typeof value }));
  return value;
}

function fieldToWire(
  field: FieldModel,
  value: unknown,
  path: string,
  out: Record<string, unknown>,
  index?: number,
): unknown {
  if (field.kind === 'complex') {
    if (field.type === DATE_TYPE) {
      const input = dateInput(value, path);
      return at(path, () => isoToMplusDate(input instanceof Date ? input.toISOString() : input));
    }
    if (field.type === DATE_TIME_TYPE) {
      const input = dateInput(value, path);
      return at(path, () => isoToMplusDateTime(input));
    }
    if (!isRecord(value))
      throw new ModelConversionError(path, mplusValueReason('expectedObject', { type: field.type }));
    return modelToWire(field.type, value, path);
  }
  if (field.conversion === 'money') {
    const amount = numberInput(value, path, 'amount');
    return at(path, () => decimalToCents(amount));
  }
  if (field.conversion === 'quantity' && field.scaleField && index === undefined) {
    const quantity = numberInput(value, path, 'quantity');
    const scaled = at(path, () => scaleQuantity(quantity));
    out[field.scaleField] = scaled.decimalPlaces;
    return scaled.value;
  }
  if (field.kind === 'primitive' && field.type === 'decimal') {
    const decimal = numberInput(value, path, 'decimal');
    return at(path, () => formatDecimal(decimal));
  }
  return value;
}

/**
 * A Koppel value of complex type `typeKey` → the wire shape the encoder writes. Unknown fields and
 * the wire-only scale companions are rejected with the path, so a typo never disappears silently.
 */
export function modelToWire(
  typeKey: string,
  model: Record<string, unknown>,
  path: string = typeKey,
): Record<string, unknown> {
  const fields = fieldsByName(typeKey);
  for (const key of Object.keys(model)) {
    const field = fields.get(key);
    if (model[key] === undefined) continue;
    if (!field)
      throw new ModelConversionError(`${path}.${key}`, mplusValueReason('notAnElement', { type: typeKey }));
    if (field.conversion === 'scale') {
      throw new ModelConversionError(`${path}.${key}`, mplusValueReason('setFromQuantity'));
    }
  }
  const out: Record<string, unknown> = {};
  for (const field of complexType(typeKey).fields) {
    const value = model[field.name];
    if (value === undefined || value === null || field.conversion === 'scale') continue;
    const fieldPath = `${path}.${field.name}`;
    if (field.list) {
      if (!Array.isArray(value)) throw new ModelConversionError(fieldPath, mplusValueReason('expectedList'));
      out[field.name] = value.map((item: unknown, index) =>
        fieldToWire(field, item, `${fieldPath}[${index}]`, out, index),
      );
    } else {
      out[field.name] = fieldToWire(field, value, fieldPath, out);
    }
  }
  return out;
}
