import { isScalar } from '../api-nulls';
import type { JsonSchema } from '../spec';

/**
 * Shapes an answer as the live API sends it, along its schema read through `withApiNulls`
 * (../api-nulls.ts): an empty scalar the twin left out comes back as null (the design guideline:
 * a contact without a website has `"website": null`), and a null the schema does not accept even so
 * is left out (every key is optional in these answers).
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

/**
 * What a schema says is worked out once per schema object: the twin caches its answer schemas
 * (twin.ts), and a page of a list walks the same item schema a hundred times.
 */
function memoised<T>(of: (schema: JsonSchema) => T): (schema: JsonSchema) => T {
  const cache = new WeakMap<JsonSchema, T>();
  return (schema) => {
    let value = cache.get(schema);
    if (value === undefined) {
      value = of(schema);
      cache.set(schema, value);
    }
    return value;
  };
}

/** Property schemas of an object schema, merged over its allOf/anyOf/oneOf branches. */
const propertiesOf = memoised((schema: JsonSchema): Map<string, JsonSchema[]> => {
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
});

const itemsOf = memoised((schema: JsonSchema): JsonSchema[] => {
  const out: JsonSchema[] = [];
  const visit = (s: JsonSchema): void => {
    if (isObject(s.items)) out.push(s.items);
    for (const branch of [...members(s, 'allOf'), ...members(s, 'anyOf'), ...members(s, 'oneOf')])
      visit(branch);
  };
  visit(schema);
  return out;
});

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
  for (const schema of schemas) {
    for (const key of emptyScalarsOf(schema)) if (value[key] === undefined) out[key] = null;
  }
  for (const [key, child] of Object.entries(value)) {
    const childSchemas = properties.get(key) ?? [];
    if (child === null && childSchemas.length > 0 && !childSchemas.every(acceptsNull)) continue;
    if (child === undefined) continue;
    out[key] = childSchemas.length > 0 ? conformWith(child, childSchemas) : child;
  }
  return out;
}

/**
 * Keys of the nullable scalars an object schema always has: its own properties and its allOf
 * members', not a oneOf/anyOf branch's (which branch an answer takes is the twin's to say).
 */
const emptyScalarsOf = memoised((schema: JsonSchema): string[] => {
  const own = isObject(schema.properties)
    ? Object.entries(schema.properties)
        .filter(([, p]) => isObject(p) && p.nullable === true && isScalar(p))
        .map(([key]) => key)
    : [];
  return [...own, ...members(schema, 'allOf').flatMap(emptyScalarsOf)];
});

/**
 * `value` as the API answers it (see above), for `schema` already read through `withApiNulls`;
 * everything else unchanged.
 */
export function conformToSpec(value: unknown, schema: JsonSchema | undefined): unknown {
  return schema ? conformWith(value, [schema]) : value;
}
