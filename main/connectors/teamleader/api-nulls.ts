import type { JsonSchema } from './spec';

/**
 * Where the live API sends null and the spec, read literally, does not allow it. Two habits of the
 * spec (reference §2.2 and the nullable-reference note in README.md):
 *
 * - Empty values: "scalars come back as null, empty lists as []" (design guideline), yet most
 *   scalars are typed plain `string` / `number` (`website`, `vat_number`, `birthdate`, `remarks`):
 *   a contact without a website breaks the literal schema. A key named `id`, `type` or `status` (a
 *   record's id, a reference's type, an e-mail's kind, a document's state) is never empty, and what
 *   the spec marks required neither: they keep their type.
 * - Nullable references, `allOf: [Ref, {nullable: true}]` or `{nullable: true, allOf: [Ref]}`:
 *   the Ref branch rejects null, yet the API sends null there (`payment_term`, `unit`).
 *
 * `withApiNulls` rewrites a response schema so that it accepts exactly those nulls as well: the
 * client's check and the twin's answers read the spec through it; the generated types take the
 * first habit from `withEmptyScalarsNullable` (they write nullable references their own way).
 *
 * Requests take only what the spec marks `nullable` ("nullable fields can be cleared with null",
 * reference §7.1): `withSpecNulls` lets those marks hold where Ajv, reading OpenAPI 3.0 literally,
 * would still refuse null: a nullable reference (above) and a nullable enum that does not list null
 * (`gender`).
 */
const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);
const NEVER_EMPTY = new Set(['id', 'type', 'status']);

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNullableMarker = (value: unknown): boolean =>
  isObject(value) && value.nullable === true && value.properties === undefined;

/** A string, number or boolean property (not an object, a list or a composite). */
export const isScalar = (property: JsonSchema): boolean =>
  typeof property.type === 'string' && SCALARS.has(property.type);

/** True for a scalar property the guideline lets come back as null when it is empty. */
function isEmptiableScalar(key: string, property: JsonSchema, required: boolean): boolean {
  return !required && !NEVER_EMPTY.has(key) && isScalar(property);
}

function nullableScalar(property: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...property, nullable: true };
  if (Array.isArray(property.enum) && !property.enum.includes(null)) out.enum = [...property.enum, null];
  return out;
}

/** Which nulls a rewrite lets through (see above). */
interface NullRules {
  /** Empty scalars, as answers send them. */
  readonly emptyScalars: boolean;
  /** Nullable references and nullable enums, as the spec marks them. */
  readonly marked: boolean;
}

/** `schema` accepting both habits' nulls (see above). */
export function withApiNulls(schema: JsonSchema): JsonSchema {
  return rewrite(schema, { emptyScalars: true, marked: true });
}

/** `schema` with empty scalars marked `nullable` (OpenAPI's word), references as they were. */
export function withEmptyScalarsNullable(schema: JsonSchema): JsonSchema {
  return rewrite(schema, { emptyScalars: true, marked: false });
}

/** A request schema accepting null wherever the spec marks a field `nullable` (see above). */
export function withSpecNulls(schema: JsonSchema): JsonSchema {
  return rewrite(schema, { emptyScalars: false, marked: true });
}

function rewrite(schema: JsonSchema, rules: NullRules): JsonSchema {
  const out: JsonSchema = {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isObject(value)) {
      const properties: JsonSchema = {};
      for (const [name, property] of Object.entries(value)) {
        if (!isObject(property)) {
          properties[name] = property;
          continue;
        }
        const inner = rewrite(property, rules);
        const empty = rules.emptyScalars && isEmptiableScalar(name, inner, required.has(name));
        properties[name] = empty ? nullableScalar(inner) : inner;
      }
      out.properties = properties;
    } else {
      out[key] = inside(value, rules);
    }
  }
  if (!rules.marked) return out;
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  const allOf = out.allOf;
  if (Array.isArray(allOf) && allOf.length > 1 && allOf.some(isNullableMarker)) {
    delete out.allOf;
    return { anyOf: [{ ...out, allOf: allOf.filter((m) => !isNullableMarker(m)) }, { type: 'null' }] };
  }
  if (out.nullable === true && Array.isArray(allOf)) {
    const { nullable: _nullable, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

function inside(value: unknown, rules: NullRules): unknown {
  if (Array.isArray(value)) return value.map((member) => inside(member, rules));
  return isObject(value) ? rewrite(value, rules) : value;
}
