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
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ModelConversionError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function at<T>(path: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof ConversionError) throw new ModelConversionError(path, error.message);
    throw error;
  }
}

// ------------------------------------------------------------------------------ wire → Koppel

function fieldToModel(
  field: FieldModel,
  value: unknown,
  wire: Record<string, unknown>,
  path: string,
): unknown {
  if (field.kind === 'complex') {
    if (field.type === DATE_TYPE) return at(path, () => mplusDateToIso(value as MplusDate));
    if (field.type === DATE_TIME_TYPE) return at(path, () => mplusDateTimeToIso(value as MplusDateTime));
    return wireToModel(field.type, value as Record<string, unknown>, path);
  }
  if (field.conversion === 'money') return at(path, () => centsToDecimal(value as number));
  if (field.conversion === 'quantity') {
    const scale = field.scaleField ? wire[field.scaleField] : undefined;
    return at(path, () => unscaleQuantity(value as number, typeof scale === 'number' ? scale : 0));
  }
  if (field.kind === 'primitive' && field.type === 'decimal')
    return at(path, () => parseDecimal(value as string));
  return value;
}

/** A decoded wire value (from xml/decode) of complex type `typeKey` → its Koppel shape. */
export function wireToModel(
  typeKey: string,
  wire: Record<string, unknown>,
  path: string = typeKey,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of complexType(typeKey).fields) {
    if (field.conversion === 'scale') continue;
    const value = wire[field.name];
    if (value === undefined) continue;
    const fieldPath = `${path}.${field.name}`;
    out[field.name] = field.list
      ? (value as unknown[]).map((item, index) => fieldToModel(field, item, wire, `${fieldPath}[${index}]`))
      : fieldToModel(field, value, wire, fieldPath);
  }
  return out;
}

// ------------------------------------------------------------------------------ Koppel → wire

function dateInput(value: unknown, path: string): string | Date {
  if (typeof value === 'string' || value instanceof Date) return value;
  throw new ModelConversionError(path, `expected an ISO date string, got ${typeof value}`);
}

function numberInput(value: unknown, path: string, what: string): number {
  if (typeof value !== 'number')
    throw new ModelConversionError(path, `expected ${what} as a number, got ${typeof value}`);
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
    if (!isRecord(value)) throw new ModelConversionError(path, `expected an object of type ${field.type}`);
    return modelToWire(field.type, value, path);
  }
  if (field.conversion === 'money') {
    const amount = numberInput(value, path, 'an amount');
    return at(path, () => decimalToCents(amount));
  }
  if (field.conversion === 'quantity' && field.scaleField && index === undefined) {
    const quantity = numberInput(value, path, 'a quantity');
    const scaled = at(path, () => scaleQuantity(quantity));
    out[field.scaleField] = scaled.decimalPlaces;
    return scaled.value;
  }
  if (field.kind === 'primitive' && field.type === 'decimal') {
    const decimal = numberInput(value, path, 'a decimal');
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
    if (!field) throw new ModelConversionError(`${path}.${key}`, `is not an element of ${typeKey}`);
    if (field.conversion === 'scale') {
      throw new ModelConversionError(`${path}.${key}`, 'is set from the decimal quantity; leave it out');
    }
  }
  const out: Record<string, unknown> = {};
  for (const field of complexType(typeKey).fields) {
    const value = model[field.name];
    if (value === undefined || value === null || field.conversion === 'scale') continue;
    const fieldPath = `${path}.${field.name}`;
    if (field.list) {
      if (!Array.isArray(value)) throw new ModelConversionError(fieldPath, 'expected a list');
      out[field.name] = value.map((item: unknown, index) =>
        fieldToWire(field, item, `${fieldPath}[${index}]`, out, index),
      );
    } else {
      out[field.name] = fieldToWire(field, value, fieldPath, out);
    }
  }
  return out;
}
