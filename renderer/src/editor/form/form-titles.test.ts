import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../../../shared/nodes/all-nodes';
import { describeItems, describeObject, drawnAsObject, type FormField, type JsonSchema } from './form-model';

/**
 * Every field of a node's form as the inspector draws it, nested objects (a default debtor, a
 * payment term) and the columns of row lists included, with its path and the fields beside it.
 * The field mapper draws its own rows. A field `skip` names is left out with its own fields.
 */
function walkForm(
  fields: readonly FormField[],
  root: JsonSchema,
  path: string,
  visit: (field: FormField, at: string, siblings: readonly FormField[]) => void,
  skip: (field: FormField) => boolean = () => false,
): void {
  for (const field of fields) {
    const at = `${path}${field.key}`;
    if (skip(field)) continue;
    visit(field, at, fields);
    if (drawnAsObject(field)) walkForm(describeObject(field.schema, root), root, `${at}.`, visit, skip);
    if (field.widget !== 'mapping' && field.schema.type === 'array') {
      walkForm(describeItems(field, root), root, `${at}[].`, visit, skip);
    }
  }
}

/**
 * What a Dutch user would read in English or as a bare key: a field without a Dutch title, or a
 * choice of fixed values shown as the values themselves ("cash").
 */
function untranslated(fields: readonly FormField[], root: JsonSchema, path: string): string[] {
  const found: string[] = [];
  walkForm(
    fields,
    root,
    path,
    (field, at) => {
      if (!field.hint.nl?.title) found.push(`${at}: no Dutch title`);
      if (Array.isArray(field.schema.enum) && !field.hint.options && !field.hint.choices) {
        found.push(`${at}: options without labels`);
      }
    },
    (field) => field.widget === 'hidden',
  );
  return found;
}

/**
 * A `shownWhen` that names no sibling, or a value its sibling cannot hold, would hide a field for
 * good: each must name a field beside it and values among that field's choices.
 */
function brokenShownWhen(fields: readonly FormField[], root: JsonSchema, path: string): string[] {
  const found: string[] = [];
  walkForm(fields, root, path, (field, at, siblings) => {
    const when = field.hint.shownWhen;
    if (!when) return;
    const sibling = siblings.find((candidate) => candidate.key === when.field);
    const values = new Set(sibling?.options.map((option) => option.value));
    if (!sibling) found.push(`${at}: shown when ${when.field}, which is not beside it`);
    for (const value of when.oneOf) {
      if (sibling && !values.has(value)) found.push(`${at}: ${when.field} has no choice ${value}`);
    }
  });
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
    for (const entry of nodeCatalog.toEntries()) {
      const fields = describeObject(entry.configSchema);
      found.push(...brokenShownWhen(fields, entry.configSchema, `${entry.kind}: `));
      walkForm(fields, entry.configSchema, '', (field) => {
        if (field.hint.shownWhen) hints += 1;
      });
    }
    expect(found).toEqual([]);
    // Conditions (filter, branch, a step's skip rules), validation rules, payment terms.
    expect(hints).toBeGreaterThanOrEqual(3);
  });
});
