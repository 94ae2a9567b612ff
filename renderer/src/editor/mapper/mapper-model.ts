import type { JsonValue } from '../../../../shared/flow/json';
import { leafPaths } from '../../../../shared/flow/record-path';
import type { MapField, MapSource } from '../../../../shared/nodes/core/map';
import { resolveRef, type JsonSchema } from '../form/form-model';

/** A field the mapper offers on the left: a path of the sample record and its value there. */
export interface SourceField {
  path: string;
  /** Undefined when the field is known from the schema only (absent in the sample). */
  value?: JsonValue;
  type?: string;
}

/** A field on the right: a path of the target record, from the target's schema or added by hand. */
export interface TargetField {
  path: string;
  required: boolean;
  type?: string;
  description?: string;
  /** Not in the target's schema: added by the user (or mapped before the schema knew it). */
  custom: boolean;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(schema: JsonSchema): string | undefined {
  if (typeof schema.type === 'string') return schema.type === 'integer' ? 'number' : schema.type;
  if (Array.isArray(schema.type)) return schema.type.filter((type) => type !== 'null').join(' | ');
  if (Array.isArray(schema.enum)) return 'enum';
  return undefined;
}

/**
 * Every leaf of a JSON Schema as a dotted path (arrays by their first element, `lines.0.sku`, the
 * way the record paths address them), with whether the whole path is required.
 */
export function schemaLeaves(
  schema: JsonSchema,
  root: JsonSchema = schema,
  prefix = '',
  required = true,
  depth = 0,
): TargetField[] {
  const resolved = resolveRef(schema, root);
  if (depth > 8) return [];
  // A nullable or union field (`customer: Customer | null`): its fields are those of the object variant.
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (Array.isArray(variants)) {
    const structured = variants
      .filter(isSchema)
      .map((variant) => resolveRef(variant, root))
      .find((variant) => isSchema(variant.properties) || variant.type === 'array');
    if (structured) return schemaLeaves(structured, root, prefix, required, depth + 1);
  }
  if (isSchema(resolved.properties) && Object.keys(resolved.properties).length > 0) {
    const needed = new Set(Array.isArray(resolved.required) ? resolved.required : []);
    return Object.entries(resolved.properties).flatMap(([key, property]) =>
      isSchema(property)
        ? schemaLeaves(
            property,
            root,
            prefix ? `${prefix}.${key}` : key,
            required && needed.has(key),
            depth + 1,
          )
        : [],
    );
  }
  if (resolved.type === 'array' && isSchema(resolved.items)) {
    const items = resolveRef(resolved.items, root);
    if (isSchema(items.properties)) return schemaLeaves(items, root, `${prefix}.0`, required, depth + 1);
  }
  if (!prefix) return [];
  const description = typeof resolved.description === 'string' ? resolved.description : undefined;
  const type = typeName(resolved);
  return [
    {
      path: prefix,
      required,
      ...(type ? { type } : {}),
      ...(description ? { description } : {}),
      custom: false,
    },
  ];
}

/** The mapper's left column: the sample's fields with their values, then schema-only fields. */
export function sourceFields(sample: JsonValue | null, schema: JsonSchema | null): SourceField[] {
  const fromSample: SourceField[] = sample === null ? [] : leafPaths(sample);
  const known = new Set(fromSample.map((field) => field.path));
  const fromSchema = schema
    ? schemaLeaves(schema)
        .filter((leaf) => !known.has(leaf.path))
        .map((leaf) => ({ path: leaf.path, ...(leaf.type ? { type: leaf.type } : {}) }))
    : [];
  return [...fromSample, ...fromSchema];
}

/** The mapper's right column: the target schema's fields, then mapped or added ones it lacks. */
export function targetFields(
  schema: JsonSchema | null,
  mappings: readonly MapField[],
  added: readonly string[] = [],
): TargetField[] {
  const fields = schema ? schemaLeaves(schema) : [];
  const known = new Set(fields.map((field) => field.path));
  for (const path of [...mappings.map((mapping) => mapping.target), ...added]) {
    if (path && !known.has(path)) {
      known.add(path);
      fields.push({ path, required: false, custom: true });
    }
  }
  return fields;
}

/**
 * Target fields that must be filled but have no mapping (highlighted in the mapper). With "keep
 * other fields" on, a field the input already has at the same path passes through and counts as
 * filled (`passedThrough`).
 */
export function unmappedRequired(
  targets: readonly TargetField[],
  mappings: readonly MapField[],
  passedThrough: ReadonlySet<string> = new Set(),
): string[] {
  const mapped = new Set(mappings.map((mapping) => mapping.target));
  return targets
    .filter((field) => field.required && !mapped.has(field.path) && !passedThrough.has(field.path))
    .map((field) => field.path);
}

/** The mapping of one target field. */
export function mappingOf(mappings: readonly MapField[], target: string): MapField | undefined {
  return mappings.find((mapping) => mapping.target === target);
}

/** Maps `target` from `source`, replacing an earlier mapping of that field but keeping its switch. */
export function setMapping(mappings: readonly MapField[], target: string, source: MapSource): MapField[] {
  const existing = mappings.findIndex((mapping) => mapping.target === target);
  if (existing === -1) return [...mappings, { target, source, onCreateOnly: false }];
  return mappings.map((mapping, index) => (index === existing ? { ...mapping, source } : mapping));
}

export function removeMapping(mappings: readonly MapField[], target: string): MapField[] {
  return mappings.filter((mapping) => mapping.target !== target);
}

export function setOnCreateOnly(
  mappings: readonly MapField[],
  target: string,
  onCreateOnly: boolean,
): MapField[] {
  return mappings.map((mapping) => (mapping.target === target ? { ...mapping, onCreateOnly } : mapping));
}

/** The source path a mapping reads (for the line drawn to it), if any. */
export function sourcePathOf(source: MapSource): string | undefined {
  return source.kind === 'path' || source.kind === 'lookup' ? source.path : undefined;
}

/** Reads the `fields` of a map node's config, tolerating a half-typed draft. */
export function readMappings(config: Record<string, unknown>): MapField[] {
  const fields = config.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (field): field is MapField =>
      isSchema(field) &&
      typeof field.target === 'string' &&
      isSchema(field.source) &&
      typeof field.source.kind === 'string',
  );
}

/** Shows a sample value in one short line. */
export function formatValue(value: JsonValue | undefined, max = 40): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
