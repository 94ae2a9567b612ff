import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeCatalog } from '../../../../shared/nodes/all-nodes';
import { toJsonSchema } from '../../../../shared/nodes/catalog';
import { field } from '../../../../shared/nodes/ui-hints';
import {
  choiceListsOf,
  describeItems,
  describeObject,
  emptyRow,
  humanise,
  issuesByField,
  layoutForm,
  shownIn,
  withField,
} from './form-model';

const schemaOf = (ref: string) => {
  const entry = nodeCatalog.toEntries().find((candidate) => candidate.ref === ref);
  if (!entry) throw new Error(ref);
  return entry.configSchema;
};

describe('form model', () => {
  it('reads titles in both languages, widgets, required and defaults from the catalogue', () => {
    const fields = describeObject(schemaOf('core.transform.lookup@1'));
    expect(fields.map((f) => [f.key, f.widget, f.required])).toEqual([
      ['sourcePath', 'fieldPath', true],
      ['targetPath', 'fieldPath', false],
      ['table', 'lookupTable', true],
      ['default', 'json', false],
      ['failIfMissing', 'switch', false],
      ['caseSensitive', 'switch', false],
    ]);
    expect(fields[0]?.title).toEqual({ en: 'Look up field', nl: 'Op te zoeken veld' });
    expect(fields[0]?.hint.fieldSource).toBe('input');
    expect(fields[4]?.defaultValue).toBe(true);
  });

  it("lists the system lists a node's pickers use, its tables' columns included, once each", () => {
    const status = schemaOf('rules.transform.status@1');
    expect(choiceListsOf(describeObject(status), status)).toEqual([
      'sourceStatus',
      'koppelStatus',
      'sourcePaymentMethod',
      'targetPaymentMethod',
    ]);
    const till = schemaOf('mplus.target.sales@1');
    expect(choiceListsOf(describeObject(till), till)).toEqual(['mplus.employees', 'mplus.branches']);
  });

  it('picks widgets from types when no hint names one, with enum options and number bounds', () => {
    const schema = toJsonSchema(
      z.object({
        name: z.string(),
        count: field(z.number().int().min(1).max(9), { title: { en: 'Count', nl: 'Aantal' }, unit: 'x' }),
        on: z.boolean().optional(),
        day: z.iso.date(),
        at: z.iso.datetime(),
        mode: z.enum(['a', 'b']),
        extra: z.object({ x: z.number() }),
      }),
    );
    const fields = describeObject(schema);
    expect(fields.map((f) => f.widget)).toEqual([
      'text',
      'number',
      'switch',
      'date',
      'dateTime',
      'select',
      'json',
    ]);
    expect(fields[0]?.title).toEqual({ en: 'Name', nl: 'Name' });
    expect(fields[1]).toMatchObject({ minimum: 1, maximum: 9, hint: { unit: 'x' } });
    expect(fields[5]?.options.map((o) => o.value)).toEqual(['a', 'b']);
    expect(fields[2]?.required).toBe(false);
  });

  it('describes the items of list fields, resolving $refs', () => {
    const schema = schemaOf('core.transform.filter@1');
    const conditions = describeObject(schema).find((f) => f.key === 'conditions');
    if (!conditions) throw new Error('conditions');
    const items = describeItems(conditions, schema);
    expect(items.map((f) => [f.key, f.widget])).toEqual([
      ['path', 'fieldPath'],
      ['operator', 'select'],
      ['value', 'json'],
    ]);
    expect(items[1]?.options.length).toBeGreaterThan(10);
    expect(items[2]?.schema.anyOf).toBeDefined();
  });

  it('starts a new row with defaults, first choices and a nested payment term set to cash', () => {
    const schema = schemaOf('rules.transform.order@1');
    const rowsOf = (key: string) => {
      const list = describeObject(schema).find((f) => f.key === key);
      if (!list) throw new Error(key);
      return emptyRow(describeItems(list, schema), schema);
    };
    // The payment method is picked from a system's list (no fixed first choice): left empty.
    expect(rowsOf('paymentTerms')).toEqual({ paymentMethod: '', term: { type: 'cash' } });
    const filter = schemaOf('core.transform.filter@1');
    const conditions = describeObject(filter).find((f) => f.key === 'conditions');
    if (!conditions) throw new Error('conditions');
    expect(emptyRow(describeItems(conditions, filter), filter)).toEqual({ path: '', operator: 'equals' });
  });

  it("asks for a field only while its row needs it: no value for 'is empty', no days for cash", () => {
    const filter = schemaOf('core.transform.filter@1');
    const conditions = describeObject(filter).find((f) => f.key === 'conditions');
    if (!conditions) throw new Error('conditions');
    const value = describeItems(conditions, filter).find((f) => f.key === 'value');
    if (!value) throw new Error('value');
    expect(shownIn(value, { path: 'email', operator: 'equals' }, [])).toBe(true);
    expect(shownIn(value, { path: 'email', operator: 'matches' }, [])).toBe(true);
    expect(shownIn(value, { path: 'email', operator: 'isEmpty' }, [])).toBe(false);
    expect(shownIn(value, { path: 'email', operator: 'notExists' }, [])).toBe(false);
    // An operator this version does not know (or none yet) hides the value too; the check says why.
    expect(shownIn(value, { path: 'email' }, [])).toBe(false);

    const validate = schemaOf('core.transform.validate@1');
    const rules = describeObject(validate).find((f) => f.key === 'rules');
    if (!rules) throw new Error('rules');
    const ruleValue = describeItems(rules, validate).find((f) => f.key === 'value');
    if (!ruleValue) throw new Error('rule value');
    expect(shownIn(ruleValue, { rule: 'required' }, [])).toBe(false);
    expect(shownIn(ruleValue, { rule: 'maxLength' }, [])).toBe(true);

    // A hidden field with a problem stays in sight, or the problem could not be seen.
    expect(shownIn(value, { path: 'email', operator: 'isEmpty' }, [{ message: 'wrong' }])).toBe(true);
    // A field without the hint is always asked for.
    const path = describeItems(conditions, filter).find((f) => f.key === 'path');
    if (!path) throw new Error('path');
    expect(shownIn(path, {}, [])).toBe(true);
  });

  it('puts advanced fields apart and groups the rest', () => {
    const fields = describeObject(schemaOf('core.transform.code@1'));
    const { sections, advanced } = layoutForm(fields);
    expect(sections.flatMap((s) => s.fields.map((f) => f.key))).toEqual(['code']);
    expect(advanced.map((f) => f.key)).toEqual(['timeLimitMs', 'memoryLimitMb']);
    const grouped = layoutForm(
      describeObject(
        toJsonSchema(
          z.object({
            a: z.string(),
            b: field(z.string(), { title: { en: 'B', nl: 'B' }, group: { en: 'Address', nl: 'Adres' } }),
            c: field(z.string(), { title: { en: 'C', nl: 'C' }, widget: 'hidden' }),
          }),
        ),
      ),
    );
    expect(grouped.sections.map((s) => [s.group?.en, s.fields.map((f) => f.key)])).toEqual([
      [undefined, ['a']],
      ['Address', ['b']],
    ]);
  });

  it('humanises keys and groups issues by field', () => {
    expect(humanise('deliveryAddress')).toBe('Delivery address');
    const result = nodeCatalog
      .get('core.transform.filter', 1)
      ?.config.safeParse({ conditions: [{ path: '', operator: 'equals' }] }, { reportInput: true });
    const byField = issuesByField(result?.success === false ? result.error.issues : [], 'en');
    expect(
      byField
        .get('conditions')
        ?.map((i) => i.path)
        .sort(),
    ).toEqual(['0.path', '0.value']);
    // The same issues in Dutch: the schema's own messages from their catalogue.
    const dutch = issuesByField(result?.success === false ? result.error.issues : [], 'nl');
    expect(
      dutch
        .get('conditions')
        ?.map((i) => i.message)
        .sort(),
    ).toEqual(['"is gelijk aan" heeft een waarde nodig.', 'Kies een veld.']);
  });

  it('sets and removes one key without touching the original', () => {
    const original = { a: 1, b: 2 };
    expect(withField(original, 'b', 3)).toEqual({ a: 1, b: 3 });
    expect(withField(original, 'b', undefined)).toEqual({ a: 1 });
    expect(withField(original, 'c', 'x')).toEqual({ a: 1, b: 2, c: 'x' });
    expect(original).toEqual({ a: 1, b: 2 });
  });
});
