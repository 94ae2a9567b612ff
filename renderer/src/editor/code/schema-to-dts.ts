/**
 * Turns the JSON Schema of a node's output records (`z.toJSONSchema` of its zod schema) into a
 * TypeScript declaration, so the code editor can autocomplete `record.` with the real fields.
 * Covers what zod emits: objects, arrays, tuples, enums, consts, unions, intersections, nullable
 * types and `$defs` references (as named aliases, so recursive schemas terminate).
 */
export type JsonSchema = { [key: string]: unknown };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function literal(value: unknown): string {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
    ? JSON.stringify(value)
    : 'unknown';
}

function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** A JSDoc line from a schema's title/description, or nothing. */
function doc(schema: JsonSchema, indent: string): string {
  const text = [schema.title, schema.description].filter((part): part is string => typeof part === 'string');
  return text.length === 0 ? '' : `${indent}/** ${text.join(': ').replace(/\*\//g, '* /')} */\n`;
}

/** `#/$defs/__schema0` → `Def__schema0`. */
function refName(ref: string): string {
  const last = ref.split('/').pop() ?? 'Ref';
  return `Def_${last.replace(/[^A-Za-z0-9_$]/g, '_')}`;
}

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  if (unique.includes('unknown')) return 'unknown';
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

function typeFor(schema: unknown, depth: number): string {
  if (schema === true || !isSchema(schema)) return schema === false ? 'never' : 'unknown';
  const indent = '  '.repeat(depth);
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if ('const' in schema) return literal(schema.const);
  if (Array.isArray(schema.enum)) return union(schema.enum.map(literal));
  const variants = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(variants)) return union(variants.map((variant) => typeFor(variant, depth)));
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => typeFor(part, depth));
    return parts.length === 0 ? 'unknown' : parts.map((part) => `(${part})`).join(' & ');
  }
  if (Array.isArray(schema.type)) {
    return union(schema.type.map((type) => typeFor({ ...schema, type }, depth)));
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (Array.isArray(schema.prefixItems)) {
        return `[${schema.prefixItems.map((item) => typeFor(item, depth)).join(', ')}]`;
      }
      const item = typeFor(schema.items, depth);
      return /^[\w$.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case 'object':
      return objectType(schema, depth, indent);
    default:
      return isSchema(schema.properties) ? objectType(schema, depth, indent) : 'unknown';
  }
}

function objectType(schema: JsonSchema, depth: number, indent: string): string {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const inner = `${indent}  `;
  const lines = Object.entries(properties).map(
    ([name, property]) =>
      `${isSchema(property) ? doc(property, inner) : ''}${inner}${propertyName(name)}${required.has(name) ? '' : '?'}: ${typeFor(property, depth + 1)};\n`,
  );
  const extra = schema.additionalProperties;
  if (extra === true || isSchema(extra)) {
    lines.push(`${inner}[key: string]: ${extra === true ? 'unknown' : typeFor(extra, depth + 1)};\n`);
  } else if (extra === undefined && Object.keys(properties).length === 0) {
    lines.push(`${inner}[key: string]: unknown;\n`);
  }
  return `{\n${lines.join('')}${indent}}`;
}

/** `type <name> = …;` plus one alias per `$defs` entry. */
export function schemaToTypeScript(schema: JsonSchema, name: string): string {
  const defs = isSchema(schema.$defs) ? schema.$defs : {};
  const aliases = Object.entries(defs).map(
    ([key, def]) => `type ${refName(`#/$defs/${key}`)} = ${typeFor(def, 0)};\n`,
  );
  return `${aliases.join('')}${doc(schema, '')}type ${name} = ${typeFor(schema, 0)};\n`;
}

/**
 * The declaration the code editor loads: the input record's type and the `record` the code reads.
 * Without a schema (nothing connected yet) the record is a plain JSON object.
 */
export function recordDeclaration(schema: JsonSchema | null): string {
  const type = schema
    ? schemaToTypeScript(schema, 'InputRecord')
    : 'type InputRecord = { [key: string]: unknown };\n';
  return `${type}/** The record this node receives. Return the new record, or null to skip it. */\ndeclare const record: InputRecord;\n`;
}

/**
 * A JSON Schema describing one sample value, for typing `record` when the upstream node declares
 * no shape (an untyped port) but a real record is at hand. Every field seen is required.
 */
export function schemaOfSample(value: unknown): JsonSchema {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) return { type: 'array', items: value.length > 0 ? schemaOfSample(value[0]) : {} };
  switch (typeof value) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object': {
      const entries = Object.entries(value);
      return {
        type: 'object',
        properties: Object.fromEntries(entries.map(([key, inner]) => [key, schemaOfSample(inner)])),
        required: entries.map(([key]) => key),
        additionalProperties: true,
      };
    }
    default:
      return {};
  }
}
