import type { z } from 'zod';
import { innerSchema, isRecord, schemaDef } from './schema-walk';

/**
 * The paths (`taxRules.2.vatCod`, the form's field paths) of the keys in `value` that `schema`
 * does not know, at any depth: in a table's rows as at the top. zod's objects drop such keys
 * silently, so a misspelt setting would do nothing. Objects that pass unknown keys through (or
 * refuse them, which parsing reports) are not walked for them; a union is walked by the option
 * that accepts the value.
 */
export function unknownSettings(schema: z.ZodType, value: unknown, path = ''): string[] {
  const inner = innerSchema(schema);
  if (inner) return value === undefined || value === null ? [] : unknownSettings(inner, value, path);
  const def = schemaDef(schema);
  switch (def.type) {
    case 'object': {
      if (!isRecord(value) || !def.shape) return [];
      const found: string[] = [];
      for (const [key, entry] of Object.entries(value)) {
        const known = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
        if (known) found.push(...unknownSettings(known, entry, join(path, key)));
        else if (!def.catchall) found.push(join(path, key));
      }
      return found;
    }
    case 'array':
      return Array.isArray(value) && def.element
        ? value.flatMap((entry, index) => unknownSettings(def.element as z.ZodType, entry, join(path, index)))
        : [];
    case 'tuple':
      return Array.isArray(value) && def.items
        ? def.items.flatMap((item, index) => unknownSettings(item, value[index], join(path, index)))
        : [];
    case 'record':
      return isRecord(value) && def.valueType
        ? Object.entries(value).flatMap(([key, entry]) =>
            unknownSettings(def.valueType as z.ZodType, entry, join(path, key)),
          )
        : [];
    case 'union': {
      const option = def.options?.find((candidate) => candidate.safeParse(value).success);
      return option ? unknownSettings(option, value, path) : [];
    }
    default:
      return [];
  }
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}
