import { z } from 'zod';
import type { LocalizedText } from '../nodes/node-definition';
import { uiHintOf } from '../nodes/ui-hints';
import { innerSchema, schemaDef } from './schema-walk';

/** How a row of a table reads in each language; rows count from 1 here (paths count from 0). */
const ROW: LocalizedText = { en: 'row', nl: 'rij' };

/**
 * A config field's path (`taxRules.2.vatCode`, as the form and problems name it) in words people
 * read: each field by its title where the node's schema gives one (`field()`), else by its key,
 * and rows counted from 1: "Tax rules › row 3 › vatCode" / "Btw-regels › rij 3 › vatCode".
 */
export function fieldWords(schema: z.ZodType, path: string): LocalizedText {
  const words: { en: string[]; nl: string[] } = { en: [], nl: [] };
  let current: z.ZodType | undefined = schema;
  for (const segment of path.split('.')) {
    const child: z.ZodType | undefined = current ? childSchema(current, segment) : undefined;
    if (/^\d+$/.test(segment) && current && isList(current)) {
      // A row is its number, even where its schema has a title.
      words.en.push(`${ROW.en} ${Number(segment) + 1}`);
      words.nl.push(`${ROW.nl} ${Number(segment) + 1}`);
    } else {
      const title = child ? titleOf(child) : undefined;
      words.en.push(title?.en ?? segment);
      words.nl.push(title?.nl ?? segment);
    }
    current = child;
  }
  return { en: words.en.join(' › '), nl: words.nl.join(' › ') };
}

/** A config field as messages name it (`field` in English, `fieldNl` in Dutch): {@link fieldWords}. */
export function namedField(schema: z.ZodType, path: string): { field: string; fieldNl: string } {
  const words = fieldWords(schema, path);
  return { field: words.en, fieldNl: words.nl };
}

/** The schema of `segment` inside `schema`: an object's key, a list's row, a record's entry. */
function childSchema(schema: z.ZodType, segment: string): z.ZodType | undefined {
  const inner = innerSchema(schema);
  if (inner) return childSchema(inner, segment);
  const def = schemaDef(schema);
  switch (def.type) {
    case 'object':
      return def.shape && Object.hasOwn(def.shape, segment) ? def.shape[segment] : def.catchall;
    case 'array':
      return def.element;
    case 'tuple':
      return def.items?.[Number(segment)];
    case 'record':
      return def.valueType;
    case 'union':
      // Without the value the option is not known: the first that has the key names it.
      for (const option of def.options ?? []) {
        const child = childSchema(option, segment);
        if (child) return child;
      }
      return undefined;
    default:
      return undefined;
  }
}

function isList(schema: z.ZodType): boolean {
  const inner = innerSchema(schema);
  if (inner) return isList(inner);
  const type = schemaDef(schema).type;
  return type === 'array' || type === 'tuple';
}

/** The title `field()` gave a schema (on it or a wrapper inside it), in both languages. */
function titleOf(schema: z.ZodType): LocalizedText | undefined {
  for (let at: z.ZodType | undefined = schema; at; at = innerSchema(at)) {
    const en = z.globalRegistry.get(at)?.title;
    const nl = uiHintOf(at)?.nl?.title;
    if (en) return { en, nl: nl ?? en };
  }
  return undefined;
}
