import { describe, expect, it } from 'vitest';
import { messageIn } from '../../shared/flow/run-messages';
import { testCode } from './editor-code-test';

describe('testCode', () => {
  it('runs code in the sandbox and gives the error’s line', async () => {
    expect(
      await testCode(
        'return { ...record, n: record.n + 1 };',
        { n: 1 },
        { timeLimitMs: 500, memoryLimitMb: 16 },
      ),
    ).toMatchObject({
      ok: true,
      output: { n: 2 },
    });
    const failed = await testCode(
      'const a = 1;\nreturn record.missing.deep;',
      {},
      { timeLimitMs: 500, memoryLimitMb: 16 },
    );
    expect(failed).toMatchObject({ ok: false, error: { kind: 'runtime', line: 2 } });
    const syntax = await testCode('return {', {}, { timeLimitMs: 500, memoryLimitMb: 16 });
    expect(syntax).toMatchObject({ ok: false, error: { kind: 'syntax' } });
    expect(await testCode('return null;', {}, { timeLimitMs: 500, memoryLimitMb: 16 })).toMatchObject({
      ok: true,
      output: null,
    });
    // Koppel's own words about the code (here: the time limit) read in Dutch too.
    const endless = await testCode('while (true) {}', {}, { timeLimitMs: 50, memoryLimitMb: 16 });
    if (endless.ok) throw new Error('expected the time limit');
    expect(endless.error.kind).toBe('timeout');
    expect(endless.error.text).toBeDefined();
    expect(messageIn(endless.error, 'nl')).not.toBe(endless.error.message);
    expect(messageIn(endless.error, 'nl')).toMatch(/50 ms/);
  });
});
