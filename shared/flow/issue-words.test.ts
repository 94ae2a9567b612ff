import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueWords } from './issue-words';

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
