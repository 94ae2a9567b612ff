import { describe, expect, it } from 'vitest';
import { CodeError } from './code-error';
import { compileExpressions, compileTransform, WARM_UP_CALLS, warmUpSandbox } from './compile-transform';

// Generous for ordinary calls: on a loaded machine a first call can take a few hundred ms of wall time.
const limits = { timeLimitMs: 5000, memoryLimitBytes: 16 * 1024 * 1024 };

async function errorOf(run: () => unknown): Promise<CodeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CodeError) return error;
    throw error;
  }
  throw new Error('expected a CodeError');
}

describe('compileTransform', () => {
  it('is warmed up once per process', async () => {
    const first = warmUpSandbox();
    expect(warmUpSandbox()).toBe(first);
    await expect(first).resolves.toBeUndefined();
    expect(WARM_UP_CALLS).toBe(2000);
  });

  it('compiles once and maps records', async () => {
    const transform = await compileTransform(
      'return { email: record.email.toLowerCase(), n: record.n * 2 };',
      limits,
    );
    expect(await transform.run({ email: 'A@B.NL', n: 21 })).toEqual({ email: 'a@b.nl', n: 42 });
    expect(await transform.run({ email: 'X@Y.BE', n: 1 })).toEqual({ email: 'x@y.be', n: 2 });
    transform.dispose();
  });

  it('skips on null and refuses other outputs', async () => {
    const transform = await compileTransform(
      'if (record.skip) return null;\nif (record.list) return [1];\nif (record.none) return;\nreturn record;',
      limits,
    );
    expect(await transform.run({ skip: true })).toBeNull();
    expect((await errorOf(() => transform.run({ list: true }))).message).toMatch(
      /must return an object \(or null\), not an array/,
    );
    expect((await errorOf(() => transform.run({ none: true }))).message).toMatch(/returned nothing/);
    transform.dispose();
  });

  it('reports syntax errors with the line and column of the user code', async () => {
    const error = await errorOf(() => compileTransform('const a = 1;\nconst b = ;\nreturn record;', limits));
    expect(error.kind).toBe('syntax');
    expect(error.line).toBe(2);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/SyntaxError: .* \(line 2, column \d+\)/);
  });

  it('reports runtime errors with the line and column', async () => {
    const transform = await compileTransform('const x = 1;\n\nreturn record.customer.email;', limits);
    const error = await errorOf(() => transform.run({}));
    expect(error).toMatchObject({ kind: 'runtime', line: 3 });
    expect(error.message).toMatch(
      /TypeError: cannot read property 'email' of undefined \(line 3, column \d+\)/,
    );
    transform.dispose();
  });

  it("shows the code's own error message as written, with the line", async () => {
    const transform = await compileTransform(
      "if (record.name.startsWith('K')) {\n  throw new Error('Name starts with K');\n}\nreturn record;",
      limits,
    );
    const error = await errorOf(() => transform.run({ name: 'Kapsalon' }));
    expect(error).toMatchObject({ kind: 'runtime', line: 2 });
    expect(error.message).toMatch(/^Name starts with K \(line 2, column \d+\)$/);
    transform.dispose();
  });

  it('stops an infinite loop at the time limit and keeps working', async () => {
    const transform = await compileTransform('if (record.loop) { while (true) {} }\nreturn record;', {
      ...limits,
      timeLimitMs: 200,
    });
    const started = Date.now();
    const error = await errorOf(() => transform.run({ loop: true }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/longer than 200 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await transform.run({ ok: 1 })).toEqual({ ok: 1 });
    transform.dispose();
  });

  it('stops runaway memory and recovers for the next record', async () => {
    const transform = await compileTransform(
      'if (record.grow) { const buffers = [new ArrayBuffer(64 * 1024 * 1024)]; return { n: buffers.length }; }\nreturn record;',
      limits,
    );
    const error = await errorOf(() => transform.run({ grow: true }));
    expect(error.kind).toBe('memory');
    expect(error.message).toMatch(/more than 16 MB/);
    expect(await transform.run({ ok: 2 })).toEqual({ ok: 2 });
    transform.dispose();
  });

  it('turns deep recursion into a clean error instead of crashing Node', async () => {
    const transform = await compileTransform(
      'function f(n) { return f(n + 1) + 1; }\nif (record.deep) return f(0);\nreturn record;',
      limits,
    );
    const error = await errorOf(() => transform.run({ deep: true }));
    expect(error.kind).toBe('stack');
    expect(error.line).toBe(1);
    expect(await transform.run({ ok: 3 })).toEqual({ ok: 3 });
    transform.dispose();
  });

  it('has no Node or browser APIs', async () => {
    const transform = await compileTransform(
      'return { kinds: [typeof require, typeof process, typeof fetch, typeof setTimeout, typeof XMLHttpRequest].join() };',
      limits,
    );
    expect(await transform.run({})).toEqual({ kinds: 'undefined,undefined,undefined,undefined,undefined' });
    transform.dispose();
  });
});

describe('compileExpressions', () => {
  it('evaluates each expression over the record', async () => {
    const expressions = await compileExpressions(
      ['record.first + " " + record.last', 'record.lines.length'],
      limits,
    );
    const record = { first: 'Anna', last: 'Peeters', lines: [1, 2, 3] };
    expect(await expressions.evaluate(0, record)).toBe('Anna Peeters');
    expect(await expressions.evaluate(1, record)).toBe(3);
    expressions.dispose();
  });

  it('names the expression with a syntax error', async () => {
    const error = await errorOf(() => compileExpressions(['record.a', 'record.b +'], limits));
    expect(error.message).toMatch(/^Expression 2: SyntaxError/);
  });
});
