import { describe, expect, it } from 'vitest';
import { problemIn } from '../../shared/flow/flow-problem';
import { createNodeRegistry } from '../nodes';
import { CodeError } from '../sandboxed-code/code-error';
import { compileExpressions, compileTransform } from '../sandboxed-code/compile-transform';
import { memoryFlow } from './testing/memory-flow';
import { checkScript, validateFlowDocument } from './validation';

const limits = { timeLimitMs: 5000, memoryLimitBytes: 16 * 1024 * 1024 };
const catalog = createNodeRegistry().catalog;

/** What QuickJS says of the source when it compiles it: undefined, or the error's line. */
async function quickjsVerdict(
  form: 'body' | 'expression',
  source: string,
): Promise<number | null | undefined> {
  try {
    const compiled =
      form === 'body' ? await compileTransform(source, limits) : await compileExpressions([source], limits);
    compiled.dispose();
    return undefined;
  } catch (error) {
    if (!(error instanceof CodeError) || error.kind !== 'syntax') throw error;
    return error.line ?? null;
  }
}

describe('checkScript (acorn, wrapped as the sandbox wraps the code)', () => {
  it('passes valid code and names the line and column of a syntax error', () => {
    expect(checkScript('body', 'return { ...record, total: record.amount * 1.21 };')).toBeUndefined();
    expect(checkScript('body', 'const a = 1;\nreturn record.;')).toEqual({
      line: 2,
      column: 15,
      message: 'Unexpected token',
    });
    expect(checkScript('expression', "record.first + ' ' + record.last")).toBeUndefined();
    expect(checkScript('expression', 'record.first +')).toMatchObject({
      line: 1,
      message: 'Unexpected token',
    });
  });

  it('puts an error found after the code (an unclosed brace) on its last line', () => {
    expect(checkScript('body', 'if (record.x) {\n  return record;')).toEqual({
      line: 2,
      atEnd: true,
      message: 'Unexpected token',
    });
    // One brace too many ends the function early: also found after the code.
    expect(checkScript('body', 'return record;\n}')).toEqual({
      line: 2,
      atEnd: true,
      message: 'Unexpected token',
    });
  });

  it('agrees with QuickJS on what does not compile, and on the line', async () => {
    const cases: ['body' | 'expression', string][] = [
      ['body', 'return record;'],
      ['body', 'return record.;'],
      ['body', 'const x = 1;\nconst x = 2;\nreturn record;'],
      ['body', "const name = 'open;\nreturn record;"],
      ['body', 'return { ...record, total: Math.round(record.amount * 121) / 100 };'],
      ['body', 'const { a, ...rest } = record;\nreturn rest ?? null;'],
      ['body', 'return record?.lines?.map((line) => line.sku) ?? [];'],
      ['body', 'with (record) { return a; }'],
      ['body', '}\nreturn record;'],
      ['expression', 'record.a + record.b'],
      ['expression', 'record.a +* record.b'],
      ['expression', '`${record.a} ${record.b}`'],
    ];
    for (const [form, source] of cases) {
      const acorn = checkScript(form, source);
      const quickjs = await quickjsVerdict(form, source);
      expect({ source, fails: acorn !== undefined }).toEqual({ source, fails: quickjs !== undefined });
      if (acorn && typeof quickjs === 'number')
        expect({ source, line: acorn.line }).toEqual({ source, line: quickjs });
    }
  });
});

describe('validateFlowDocument', () => {
  it("makes a code node's syntax error a problem of the flow, in both languages, so it cannot run", () => {
    const flow = memoryFlow({
      name: 'Orders',
      transforms: [{ id: 'code', kind: 'core.transform.code', config: { code: 'return record.;' } }],
    });
    const problems = validateFlowDocument(flow, catalog);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'node.scriptSyntax',
        nodeId: 'code',
        field: 'code',
        message:
          'Flow "Orders": node "Code" (code), field "Code": syntax error on line 1, column 15: Unexpected token.',
      }),
    ]);
    expect(problemIn(problems[0] ?? { message: '' }, 'nl')).toBe(
      'Flow "Orders": node "Code" (code), veld "Code": syntaxfout op regel 1, kolom 15: onverwacht teken.',
    );
  });

  it('says of an error found after the code that something it opens is not closed', () => {
    const flow = memoryFlow({
      name: 'Orders',
      transforms: [
        {
          id: 'code',
          kind: 'core.transform.code',
          config: { code: 'if (record.paid) {\n  return record;' },
        },
      ],
    });
    const [problem] = validateFlowDocument(flow, catalog);
    expect(problem?.message).toBe(
      'Flow "Orders": node "Code" (code), field "Code": syntax error at the end of the code (line 2): a bracket, brace or quote it opens is not closed, or one is closed too often (Unexpected token).',
    );
    expect(problemIn(problem ?? { message: '' }, 'nl')).toBe(
      'Flow "Orders": node "Code" (code), veld "Code": syntaxfout aan het eind van de code (regel 2): een haakje, accolade of aanhalingsteken dat de code opent, wordt niet gesloten, of er wordt er één te veel gesloten (onverwacht teken).',
    );
  });
});
