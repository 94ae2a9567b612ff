import type { JsonSchema } from '../spec';

/**
 * The spec marks many references "nullable" as `allOf: [Ref, {type: object, nullable: true}]`. Read
 * literally (as an OpenAPI 3.0 validator does), that allOf still rejects null, because the Ref branch
 * does. The live API sends null there; the twin follows the spec instead and leaves such keys out
 * (every key is optional in these answers). This walks an answer along its schema and drops exactly
 * the null values the schema does not accept.
 */
const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function members(schema: JsonSchema, key: 'allOf' | 'anyOf' | 'oneOf'): JsonSchema[] {
  const list = schema[key];
  return Array.isArray(list) ? list.filter(isObject) : [];
}

export function acceptsNull(schema: JsonSchema): boolean {
  const allOf = members(schema, 'allOf');
  const anyOf = [...members(schema, 'anyOf'), ...members(schema, 'oneOf')];
  if (allOf.length > 0 && !allOf.every(acceptsNull)) return false;
  if (anyOf.length > 0 && !anyOf.some(acceptsNull)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) return false;
  if (schema.type === undefined) return true;
  return schema.nullable === true || schema.type === 'null';
}

/** Property schemas of an object schema, merged over its allOf/anyOf/oneOf branches. */
function propertiesOf(schema: JsonSchema): Map<string, JsonSchema[]> {
  const out = new Map<string, JsonSchema[]>();
  const visit = (s: JsonSchema): void => {
    if (isObject(s.properties)) {
      for (const [key, value] of Object.entries(s.properties)) {
        if (isObject(value)) out.set(key, [...(out.get(key) ?? []), value]);
      }
    }
    for (const branch of [...members(s, 'allOf'), ...members(s, 'anyOf'), ...members(s, 'oneOf')])
      visit(branch);
  };
  visit(schema);
  return out;
}

function itemsOf(schema: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (s: JsonSchema): void => {
    if (isObject(s.items)) out.push(s.items);
    for (const branch of [...members(s, 'allOf'), ...members(s, 'anyOf'), ...members(s, 'oneOf')])
      visit(branch);
  };
  visit(schema);
  return out;
}

function conformWith(value: unknown, schemas: readonly JsonSchema[]): unknown {
  if (Array.isArray(value)) {
    const items = schemas.flatMap(itemsOf);
    return value.map((item) => conformWith(item, items));
  }
  if (!isObject(value)) return value;
  const properties = new Map<string, JsonSchema[]>();
  for (const schema of schemas) {
    for (const [key, list] of propertiesOf(schema))
      properties.set(key, [...(properties.get(key) ?? []), ...list]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchemas = properties.get(key) ?? [];
    if (child === null && childSchemas.length > 0 && !childSchemas.every(acceptsNull)) continue;
    if (child === undefined) continue;
    out[key] = childSchemas.length > 0 ? conformWith(child, childSchemas) : child;
  }
  return out;
}

/** `value` without the null values `schema` forbids (see above); everything else unchanged. */
export function conformToSpec(value: unknown, schema: JsonSchema | undefined): unknown {
  return schema ? conformWith(value, [schema]) : value;
}
