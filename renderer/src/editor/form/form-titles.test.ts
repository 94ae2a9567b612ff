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

/**
 * A `shownWhen` that names no sibling, or a value its sibling cannot hold, would hide a field for
 * good: each must name a field beside it and values among that field's choices.
 */
function brokenShownWhen(fields: readonly FormField[], root: JsonSchema, path: string): string[] {
  const found: string[] = [];
  for (const field of fields) {
    const at = `${path}${field.key}`;
    const when = field.hint.shownWhen;
    if (when) {
      const sibling = fields.find((candidate) => candidate.key === when.field);
      const values = new Set(sibling?.options.map((option) => option.value));
      if (!sibling) found.push(`${at}: shown when ${when.field}, which is not beside it`);
      for (const value of when.oneOf) {
        if (sibling && !values.has(value)) found.push(`${at}: ${when.field} has no choice ${value}`);
      }
    }
    if (drawnAsObject(field))
      found.push(...brokenShownWhen(describeObject(field.schema, root), root, `${at}.`));
    if (field.widget !== 'mapping' && field.schema.type === 'array') {
      found.push(...brokenShownWhen(describeItems(field, root), root, `${at}[].`));
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

  it('show a field by another only for values that field can hold', () => {
    const found: string[] = [];
    let hints = 0;
    const count = (fields: readonly FormField[], root: JsonSchema): void => {
      for (const field of fields) {
        if (field.hint.shownWhen) hints += 1;
        if (drawnAsObject(field)) count(describeObject(field.schema, root), root);
        if (field.schema.type === 'array') count(describeItems(field, root), root);
      }
    };
    for (const entry of nodeCatalog.toEntries()) {
      const fields = describeObject(entry.configSchema);
      found.push(...brokenShownWhen(fields, entry.configSchema, `${entry.kind}: `));
      count(fields, entry.configSchema);
    }
    expect(found).toEqual([]);
    // Conditions (filter, branch, a step's skip rules), validation rules, payment terms.
    expect(hints).toBeGreaterThanOrEqual(3);
  });
});
