import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../../../shared/nodes/all-nodes';
import { describeItems, describeObject, drawnAsObject, type FormField, type JsonSchema } from './form-model';

/**
 * What a Dutch user would read in English or as a bare key: a field without a Dutch title, or a
 * choice of fixed values shown as the values themselves ("cash"). Walks nested objects (a default
 * debtor, a payment term) and the columns of row lists, as the inspector draws them.
 */
function untranslated(fields: readonly FormField[], root: JsonSchema, path: string): string[] {
  const found: string[] = [];
  for (const field of fields) {
    if (field.widget === 'hidden') continue;
    const at = `${path}${field.key}`;
    if (!field.hint.nl?.title) found.push(`${at}: no Dutch title`);
    if (Array.isArray(field.schema.enum) && !field.hint.options && !field.hint.choices) {
      found.push(`${at}: options without labels`);
    }
    if (drawnAsObject(field)) found.push(...untranslated(describeObject(field.schema, root), root, `${at}.`));
    // The field mapper draws its own rows; every other list's columns are titled by its items.
    if (field.widget !== 'mapping' && field.schema.type === 'array') {
      found.push(...untranslated(describeItems(field, root), root, `${at}[].`));
    }
  }
  return found;
}

describe('the inspector forms of the palette nodes', () => {
  it('have a Dutch title for every field, nested field and column, and labels for fixed choices', () => {
    const found: string[] = [];
    for (const entry of nodeCatalog.toEntries()) {
      if (entry.hidden) continue;
      const fields = describeObject(entry.configSchema);
      found.push(...untranslated(fields, entry.configSchema, `${entry.kind}: `));
    }
    expect(found).toEqual([]);
  });
});
