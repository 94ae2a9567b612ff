import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MapConfig } from '../nodes/core/map';
import { ValidateConfig } from '../nodes/core/validate';
import { issueWords } from './issue-words';
import { schemaCheckMessages } from './messages/schema-messages';

const schema = z.object({
  quantity: z.number().min(1),
  sku: z.string().regex(/^\d+$/, 'SKU must be numeric'),
  kind: z.enum(['invoice', 'quotation']),
});

function firstIssue(value: unknown): z.core.$ZodIssue {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) throw new Error('expected a failure');
  const issue = parsed.error.issues[0];
  if (!issue) throw new Error('no issue');
  return issue;
}

describe('issueWords', () => {
  it('words a standard check in both languages, naming the type received', () => {
    expect(issueWords(firstIssue({ quantity: '2', sku: '1', kind: 'invoice' }))).toEqual({
      issue: 'Invalid input: expected number, received string',
      issueNl: 'Ongeldige invoer: verwacht getal, ontving string',
    });
  });

  it('says a field that is not there is missing, not that it "received undefined"', () => {
    expect(issueWords(firstIssue({ sku: '1', kind: 'invoice' }))).toEqual({
      issue: 'Missing: this field is required.',
      issueNl: 'Ontbreekt: dit veld is verplicht.',
    });
    // Also a missing option or fixed value, not "Invalid option: expected one of …".
    expect(issueWords(firstIssue({ quantity: 1, sku: '1' }))).toEqual({
      issue: 'Missing: this field is required.',
      issueNl: 'Ontbreekt: dit veld is verplicht.',
    });
  });

  it('says an empty text field is empty, not that it is "too small"', () => {
    const parsed = z.object({ to: z.string().min(1) }).safeParse({ to: '' }, { reportInput: true });
    const issue = parsed.error?.issues[0];
    expect(issue && issueWords(issue)).toEqual({
      issue: 'Empty: this field needs a value.',
      issueNl: 'Leeg: dit veld heeft een waarde nodig.',
    });
    // A longer minimum keeps zod's words, which give the bound.
    const longer = z.string().min(3).safeParse('ab', { reportInput: true }).error?.issues[0];
    expect(longer && issueWords(longer).issue).toBe('Too small: expected string to have >=3 characters');
  });

  it('words bounds and options in Dutch', () => {
    expect(issueWords(firstIssue({ quantity: 0, sku: '1', kind: 'invoice' })).issueNl).toBe(
      'Te klein: verwacht dat number >=1 is',
    );
    expect(issueWords(firstIssue({ quantity: 1, sku: '1', kind: 'deal' })).issueNl).toBe(
      'Ongeldige optie: verwacht één van "invoice"|"quotation"',
    );
  });

  it("keeps a schema's own message as written, in both languages", () => {
    expect(issueWords(firstIssue({ quantity: 1, sku: 'A-1', kind: 'invoice' }))).toEqual({
      issue: 'SKU must be numeric',
      issueNl: 'SKU must be numeric',
    });
  });
});

describe("issueWords on Koppel's own schema messages", () => {
  it("words a check's message (found by its English) and a refinement's (by its code) in Dutch", () => {
    const parsed = MapConfig.safeParse(
      {
        fields: [
          { source: { kind: 'path', path: 'a' }, target: 'email' },
          { source: { kind: 'path', path: 'b' }, target: 'email' },
          { source: { kind: 'path', path: '' }, target: 'name' },
        ],
      },
      { reportInput: true },
    );
    if (parsed.success) throw new Error('expected a failure');
    const words = parsed.error.issues.map((issue) => issueWords(issue));
    expect(words).toContainEqual({ issue: 'Choose a source field.', issueNl: 'Kies een bronveld.' });
    expect(words).toContainEqual({
      issue: 'Target field "email" is already mapped (row 1).',
      issueNl: 'Doelveld "email" is al gekoppeld (rij 1).',
    });
  });

  it('keeps JavaScript’s own words inside a coded message', () => {
    const parsed = ValidateConfig.safeParse(
      { rules: [{ path: 'sku', rule: 'regex', value: '(' }] },
      { reportInput: true },
    );
    if (parsed.success) throw new Error('expected a failure');
    const words = issueWords(parsed.error.issues[0] as z.core.$ZodIssue);
    expect(words.issue).toMatch(/^Not a valid regular expression: SyntaxError: /);
    expect(words.issueNl).toBe(
      words.issue.replace('Not a valid regular expression', 'Geen geldige reguliere expressie'),
    );
  });

  it('gives every check message its own English words, so its Dutch is found unambiguously', () => {
    const english = Object.values(schemaCheckMessages).map((words) => words.en({}));
    expect(new Set(english).size).toBe(english.length);
    for (const words of Object.values(schemaCheckMessages)) expect(words.nl({})).not.toBe(words.en({}));
  });
});
