import type { z } from 'zod';

/** The parts of zod 4's schema definitions a walk reads (public as `schema.def`). */
export interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
  valueType?: z.ZodType;
  items?: readonly z.ZodType[];
  getter?: () => z.ZodType;
}

export function schemaDef(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { def: SchemaDef }).def;
}

/** Wrappers whose value is their inner schema's (`def.innerType`). */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/**
 * The schema a wrapper, pipe or lazy schema stands for, or undefined when `schema` is none of
 * those. `field()`'s title sits on the outermost schema, so a walk reads it before unwrapping.
 */
export function innerSchema(schema: z.ZodType): z.ZodType | undefined {
  const def = schemaDef(schema);
  if (WRAPPERS.has(def.type)) return def.innerType;
  if (def.type === 'pipe') return def.in;
  if (def.type === 'lazy') return def.getter?.();
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
