import { describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../../shared/api/api-messages';
import { messageIn } from '../../../shared/flow/run-messages';
import { codeTransform } from '../../../shared/nodes/core/code';
import { defaultsTransform } from '../../../shared/nodes/core/defaults';
import { branchTransform, filterTransform } from '../../../shared/nodes/core/filter';
import { lookupTransform } from '../../../shared/nodes/core/lookup';
import { mapTransform } from '../../../shared/nodes/core/map';
import { validateTransform } from '../../../shared/nodes/core/validate';
import { stepErrorOf } from '../../engine/testing/step-error';
import { openTransform } from '../../engine/testing/transform-harness';
import { codeModule } from './code';
import { branchModule, filterModule } from './conditions';
import { defaultsModule } from './defaults';
import { lookupModule } from './lookup';
import { mapModule } from './map';
import { validateModule } from './validate';
import { koppelRejectionOf } from '../../../shared/api/testing/koppel-error-of';

const order = {
  id: 'o1',
  customer: { email: 'Anna@Example.com', country: 'BE' },
  lines: [{ sku: '123' }],
  total: 10,
};

describe('core.transform.map@1', () => {
  it('maps paths, constants, lookups and expressions, marking create-only fields', async () => {
    const map = await openTransform(mapModule, mapTransform, {
      fields: [
        { target: 'contact.email', source: { kind: 'path', path: 'customer.email' } },
        { target: 'employee', source: { kind: 'constant', value: 999999 } },
        {
          target: 'taxCode',
          source: {
            kind: 'lookup',
            path: 'customer.country',
            table: [
              { key: 'BE', value: 'BTW21' },
              { key: 'NL', value: 'VAT21' },
            ],
          },
        },
        {
          target: 'label',
          source: { kind: 'expression', expression: 'record.id + "/" + record.lines.length' },
          onCreateOnly: true,
        },
        { target: 'missing', source: { kind: 'path', path: 'nope' } },
      ],
    });
    expect(await map.process(order)).toEqual({
      kind: 'emit',
      outputs: [
        {
          port: 'out',
          record: {
            data: {
              contact: { email: 'Anna@Example.com' },
              employee: 999999,
              taxCode: 'BTW21',
              label: 'o1/1',
            },
            createOnly: ['label'],
          },
        },
      ],
    });
  });

  it('fails a record whose lookup key has no row, naming field and key', async () => {
    const map = await openTransform(mapModule, mapTransform, {
      fields: [
        {
          target: 'taxCode',
          source: {
            kind: 'lookup',
            path: 'customer.country',
            table: [{ key: 'NL', value: 'VAT21' }],
            failIfMissing: true,
          },
        },
      ],
    });
    const error = await stepErrorOf(() => map.process(order));
    expect(error).toMatchObject({
      code: 'lookup_missing',
      field: 'customer.country',
      value: 'BE',
      transient: false,
    });
    expect(error.message).toBe(
      '"customer.country" is "BE", which is not in the lookup table (for "taxCode").',
    );
    expect(messageIn(error, 'nl')).toBe(
      '"customer.country" is "BE", en dat staat niet in de opzoektabel (voor "taxCode").',
    );
  });

  it('keeps unmapped fields when asked, and names a failing expression', async () => {
    const keep = await openTransform(mapModule, mapTransform, {
      fields: [{ target: 'total', source: { kind: 'expression', expression: 'record.total * 2' } }],
      keepUnmapped: true,
    });
    expect(await keep.process(order, ['x'])).toMatchObject({
      outputs: [{ record: { data: { ...order, total: 20 }, createOnly: ['x'] } }],
    });
    const broken = await openTransform(mapModule, mapTransform, {
      fields: [{ target: 'x', source: { kind: 'expression', expression: 'record.a.b' } }],
    });
    const error = await stepErrorOf(() => broken.process(order));
    expect(error.message).toMatch(
      /^Field "x": the expression failed: TypeError: cannot read property 'b' of undefined/,
    );
  });

  it('refuses an expression that does not compile as a flow error', async () => {
    await expect(
      openTransform(mapModule, mapTransform, {
        fields: [{ target: 'x', source: { kind: 'expression', expression: 'record.(' } }],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_flow',
      message: expect.stringMatching(/Node "Map fields" \(node\): Expression 1: SyntaxError/),
    });
  });
});

describe('user code that does not compile', () => {
  it('is a flow error naming the node, worded in Dutch from the sandbox’s own code', async () => {
    const map = await koppelRejectionOf(
      openTransform(mapModule, mapTransform, {
        fields: [{ target: 'x', source: { kind: 'expression', expression: 'record.(' } }],
      }),
    );
    expect(map).toMatchObject({ code: 'invalid_flow', text: { code: 'nodeCodeInvalid' } });
    expect(map.message).toMatch(/^Node "Map fields" \(node\): Expression 1: SyntaxError/);
    // The expression and the position are named in Dutch; JavaScript's own words stay as they came.
    expect(apiMessageIn(map, 'nl')).toMatch(
      /^Node "Velden koppelen" \(node\): Expressie 1: SyntaxError: .* \(regel 1, kolom \d+\)$/,
    );

    const code = await koppelRejectionOf(
      openTransform(codeModule, codeTransform, { code: 'let x = 1;\nlet x = 2;' }),
    );
    expect(code.message).toBe(
      'Node "Code" (node): SyntaxError: invalid redefinition of lexical identifier (line 2, column 7)',
    );
    // JavaScript's own words stay; the position is in Dutch.
    expect(apiMessageIn(code, 'nl')).toBe(
      'Node "Code" (node): SyntaxError: invalid redefinition of lexical identifier (regel 2, kolom 7)',
    );
  });
});

describe('core.transform.lookup@1 and defaults@1', () => {
  it('replaces through a table, case-insensitively by default, with a default', async () => {
    const lookup = await openTransform(lookupModule, lookupTransform, {
      sourcePath: 'customer.country',
      targetPath: 'vat',
      table: [{ key: 'be', value: 21 }],
      default: 0,
    });
    expect(await lookup.process(order)).toMatchObject({ outputs: [{ record: { data: { vat: 21 } } }] });
    expect(await lookup.process({ customer: { country: 'DE' } })).toMatchObject({
      outputs: [{ record: { data: { vat: 0 } } }],
    });
  });

  it('fails when a key is missing and there is no default', async () => {
    const lookup = await openTransform(lookupModule, lookupTransform, {
      sourcePath: 'method',
      table: [{ key: 'cash', value: 'CONTANT' }],
    });
    const error = await stepErrorOf(() => lookup.process({ method: 'bitcoin' }));
    expect(error.message).toBe('"method" is "bitcoin", which is not in the lookup table.');
  });

  it('fills missing values only, unless told to overwrite', async () => {
    const defaults = await openTransform(defaultsModule, defaultsTransform, {
      values: [
        { path: 'employeeNumber', value: 999999 },
        { path: 'branch', value: 1 },
        { path: 'total', value: 0, overwrite: true },
      ],
    });
    expect(await defaults.process({ branch: 7, total: 10 })).toMatchObject({
      outputs: [{ record: { data: { employeeNumber: 999999, branch: 7, total: 0 } } }],
    });
  });
});

describe('core.transform.filter@1 and branch@1', () => {
  it('skips records that do not match, saying why', async () => {
    const filter = await openTransform(filterModule, filterTransform, {
      conditions: [{ path: 'total', operator: 'greaterThan', value: 50 }],
    });
    expect(await filter.process(order)).toEqual({
      kind: 'skip',
      reason: { code: 'filteredOut', params: { path: 'total', operator: 'greaterThan', value: '50' } },
    });
  });

  it('sends records left or right', async () => {
    const branch = await openTransform(branchModule, branchTransform, {
      match: 'any',
      conditions: [
        { path: 'customer.country', operator: 'equals', value: 'NL' },
        { path: 'total', operator: 'lessThan', value: 20 },
      ],
    });
    expect(await branch.process(order)).toMatchObject({ outputs: [{ port: 'true' }] });
    expect(await branch.process({ customer: { country: 'BE' }, total: 99 })).toMatchObject({
      outputs: [{ port: 'false' }],
    });
  });
});

describe('core.transform.validate@1', () => {
  it('names every broken field and its value', async () => {
    const validate = await openTransform(validateModule, validateTransform, {
      rules: [
        { path: 'lines.0.sku', rule: 'numeric' },
        { path: 'customer.email', rule: 'email' },
        { path: 'name', rule: 'required' },
        { path: 'code', rule: 'maxLength', value: 3 },
        {
          path: 'status',
          rule: 'oneOf',
          value: ['open', 'paid'],
          message: 'Unknown status {value} in {field}',
        },
      ],
    });
    expect(
      await validate.process({ lines: [{ sku: '42' }], customer: { email: 'a@b.nl' }, name: 'X' }),
    ).toMatchObject({ kind: 'emit' });
    const error = await stepErrorOf(() =>
      validate.process({
        lines: [{ sku: 'AB-1' }],
        customer: { email: 'nope' },
        code: 'ABCD',
        status: 'lost',
      }),
    );
    expect(error).toMatchObject({ code: 'validation_failed', field: 'lines.0.sku', value: 'AB-1' });
    expect(error.message).toBe(
      'Field "lines.0.sku" must contain digits only, got "AB-1"; Field "customer.email" must be an e-mail address, got "nope"; Field "name" is required but empty; Field "code" must be at most 3 characters, got 4 ("ABCD"); Unknown status "lost" in status.',
    );
    // In Dutch from its code; the user's own message stays as written.
    expect(messageIn(error, 'nl')).toBe(
      'Veld "lines.0.sku" mag alleen cijfers bevatten, maar is "AB-1"; Veld "customer.email" moet een e-mailadres zijn, maar is "nope"; Veld "name" is verplicht maar leeg; Veld "code" mag hoogstens 3 tekens lang zijn, maar heeft er 4 ("ABCD"); Unknown status "lost" in status.',
    );
  });
});

describe('core.transform.code@1', () => {
  it('runs the code per record and skips on null', async () => {
    const code = await openTransform(codeModule, codeTransform, {
      code: 'if (record.total < 5) return null;\nreturn { n: record.total + 1 };',
    });
    expect(await code.process({ total: 10 })).toMatchObject({ outputs: [{ record: { data: { n: 11 } } }] });
    expect(await code.process({ total: 1 })).toEqual({
      kind: 'skip',
      reason: { code: 'codeReturnedNull', params: {} },
    });
    await code.instance.close?.();
  });

  it('fails the record with the line of a runtime error, and the time limit', async () => {
    const code = await openTransform(codeModule, codeTransform, {
      code: 'if (record.loop) while (true) {}\nreturn record.a.b;',
      timeLimitMs: 50,
    });
    expect((await stepErrorOf(() => code.process({}))).message).toMatch(
      /^Code error: TypeError: cannot read property 'b' of undefined \(line 2, column \d+\)$/,
    );
    const timeout = await stepErrorOf(() => code.process({ loop: true }));
    expect(timeout).toMatchObject({
      code: 'code_timeout',
      message: 'Code error: The code ran longer than 50 ms and was stopped.',
    });
    expect(messageIn(timeout, 'nl')).toBe('Fout in de code: De code liep langer dan 50 ms en is gestopt.');
    const runtime = await stepErrorOf(() => code.process({}));
    // JavaScript's own words stay; Koppel's and the position are in Dutch.
    expect(messageIn(runtime, 'nl')).toMatch(
      /^Fout in de code: TypeError: cannot read property 'b' of undefined \(regel 2, kolom \d+\)$/,
    );
    await code.instance.close?.();
  });
});
