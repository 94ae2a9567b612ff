import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toJsonSchema } from '../../../../shared/nodes/catalog';
import { MemoryRecord } from '../../../../shared/nodes/testing/memory-nodes';
import { recordDeclaration, schemaOfSample, schemaToTypeScript } from './schema-to-dts';

describe('JSON Schema → TypeScript declaration', () => {
  it('declares the fields of a record type, optional ones with ?', () => {
    expect(schemaToTypeScript(toJsonSchema(MemoryRecord), 'InputRecord')).toBe(
      [
        'type InputRecord = {',
        '  id: string;',
        '  orderNumber?: string;',
        '  email?: string;',
        '  sku?: string;',
        '  [key: string]: unknown;',
        '};',
        '',
      ].join('\n'),
    );
  });

  it('handles nesting, arrays, enums, literals, unions, nullables and docs', () => {
    const Order = z.object({
      number: z.string().describe('The order number'),
      status: z.enum(['open', 'paid']),
      kind: z.literal('order'),
      customer: z.object({ email: z.email(), 'e-mail alt': z.string().nullable() }).strict(),
      lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() }).strict()),
      pair: z.tuple([z.string(), z.number()]),
      note: z.union([z.string(), z.number()]).optional(),
    });
    const text = schemaToTypeScript(toJsonSchema(Order), 'Order');
    expect(text).toContain('  /** The order number */\n  number: string;');
    expect(text).toContain('status: "open" | "paid";');
    expect(text).toContain('kind: "order";');
    expect(text).toContain('    email: string;\n    "e-mail alt": string | null;\n  };');
    expect(text).toContain('lines: Array<{\n    sku: string;\n    quantity: number;\n  }>;');
    expect(text).toContain('pair: [string, number];');
    expect(text).toContain('note?: string | number;');
  });

  it('turns $defs into named aliases so recursive schemas terminate', () => {
    const text = schemaToTypeScript(toJsonSchema(z.object({ value: z.json() })), 'WithJson');
    expect(text).toMatch(
      /^type Def___schema0 = string \| number \| boolean \| null \| Def___schema0\[\] \| \{/,
    );
    expect(text).toContain('value: Def___schema0;');
  });

  it('declares `record` for the code editor, with or without a schema', () => {
    expect(recordDeclaration(null)).toContain('declare const record: InputRecord;');
    expect(recordDeclaration(toJsonSchema(MemoryRecord))).toContain('  sku?: string;');
  });

  it('types a sample record when the upstream node declares no shape', () => {
    const text = schemaToTypeScript(
      schemaOfSample({ email: 'a@b.c', total: 12.5, paid: true, lines: [{ sku: 'A' }], note: null }),
      'InputRecord',
    );
    expect(text).toContain('  email: string;\n  total: number;\n  paid: boolean;');
    expect(text).toContain('lines: Array<{\n    sku: string;\n    [key: string]: unknown;\n  }>;');
    expect(text).toContain('note: null;');
  });

  it('writes declarations TypeScript parses without errors', async () => {
    const { default: ts } = await import('typescript');
    const text = recordDeclaration(
      toJsonSchema(
        z.object({ a: z.json(), 'b-c': z.array(z.tuple([z.string()])), d: z.enum(['x']).nullable() }),
      ),
    );
    const output = ts.transpileModule(text, { reportDiagnostics: true, fileName: 'record.ts' });
    expect(output.diagnostics?.map((diagnostic) => diagnostic.messageText)).toEqual([]);
  });
});
