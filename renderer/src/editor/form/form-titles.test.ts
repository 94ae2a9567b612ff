import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../../../shared/nodes/all-nodes';
import { describeItems, describeObject } from './form-model';

describe('the inspector forms of the palette nodes', () => {
  it('have a Dutch title for every field and every column of a row list', () => {
    const untitled: string[] = [];
    for (const entry of nodeCatalog.toEntries()) {
      if (entry.hidden) continue;
      for (const field of describeObject(entry.configSchema)) {
        if (field.widget === 'hidden') continue;
        if (!field.hint.nl?.title) untitled.push(`${entry.kind}: ${field.key}`);
        // A field that is an object shows its own fields (a source's custom filters).
        if (field.schema.type === 'object' && field.widget !== 'json') {
          for (const inner of describeObject(field.schema, entry.configSchema)) {
            if (inner.widget !== 'hidden' && !inner.hint.nl?.title) {
              untitled.push(`${entry.kind}: ${field.key}.${inner.key}`);
            }
          }
        }
        // The field mapper draws its own rows; every other list's columns are titled by its items.
        if (field.widget === 'mapping' || field.schema.type !== 'array') continue;
        for (const item of describeItems(field, entry.configSchema)) {
          if (!item.hint.nl?.title) untitled.push(`${entry.kind}: ${field.key}[].${item.key}`);
        }
      }
    }
    expect(untitled).toEqual([]);
  });
});
