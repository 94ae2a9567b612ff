import { describe, expect, it } from 'vitest';
import { CodeError } from './code-error';
import { compileTransform } from './compile-transform';
import { sandboxThread } from './sandbox-thread';

const limits = { timeLimitMs: 5000, memoryLimitBytes: 16 * 1024 * 1024 };

describe('the sandbox thread', () => {
  it('runs user code beside this thread: an endless loop leaves its timers running', async () => {
    const transform = await compileTransform('while (true) {}', { ...limits, timeLimitMs: 600 });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    try {
      const error = await transform.run({}).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(CodeError);
      expect((error as CodeError).kind).toBe('timeout');
      // 600 ms of the sandbox's loop: this thread's 10 ms timer kept firing (in-thread it could not).
      expect(ticks).toBeGreaterThanOrEqual(10);
    } finally {
      clearInterval(ticker);
      transform.dispose();
    }
  });

  it('answers many calls made together, each with its own record', async () => {
    const transform = await compileTransform(
      'if (record.n % 7 === 0) throw new Error("seven " + record.n);\nreturn { n: record.n * 2 };',
      limits,
    );
    const outcomes = await Promise.allSettled(Array.from({ length: 500 }, (_, n) => transform.run({ n })));
    outcomes.forEach((outcome, n) => {
      if (n % 7 === 0) {
        expect(outcome.status).toBe('rejected');
        expect(outcome.status === 'rejected' && (outcome.reason as CodeError).message).toMatch(
          new RegExp(`^seven ${n} \\(line 1`),
        );
      } else expect(outcome).toEqual({ status: 'fulfilled', value: { n: n * 2 } });
    });
    transform.dispose();
  });

  it('keeps each sandbox its own: globals, limits and a closed one', async () => {
    const counter = await compileTransform(
      'globalThis.count = (globalThis.count || 0) + 1;\nreturn { count };',
      limits,
    );
    const other = await compileTransform('return { count: typeof globalThis.count };', limits);
    expect(await counter.run({})).toEqual({ count: 1 });
    expect(await counter.run({})).toEqual({ count: 2 });
    expect(await other.run({})).toEqual({ count: 'undefined' });
    other.dispose();
    await expect(other.run({})).rejects.toThrow(/The sandbox is closed/);
    expect(await counter.run({})).toEqual({ count: 3 });
    counter.dispose();
  });

  it('rebuilds a runtime after a memory overflow before the next call, even one sent with it', async () => {
    const transform = await compileTransform(
      'globalThis.n = (globalThis.n || 0) + 1;\nif (record.grow) { const buffers = [new ArrayBuffer(64 * 1024 * 1024)]; return { size: buffers.length }; }\nreturn { n };',
      limits,
    );
    // One message: the second record runs in a fresh runtime (its globals start over), not in the
    // heap the overflow left behind.
    const [before, grown, after] = await Promise.allSettled([
      transform.run({}),
      transform.run({ grow: true }),
      transform.run({}),
    ]);
    expect(before).toEqual({ status: 'fulfilled', value: { n: 1 } });
    expect(grown.status === 'rejected' && (grown.reason as CodeError).kind).toBe('memory');
    expect(after).toEqual({ status: 'fulfilled', value: { n: 1 } });
    transform.dispose();
  });

  it('compiles a sandbox again on a new thread when the thread stopped', async () => {
    const transform = await compileTransform(
      'globalThis.calls = (globalThis.calls || 0) + 1;\nreturn { n: record.n + 1, calls };',
      limits,
    );
    expect(await transform.run({ n: 1 })).toEqual({ n: 2, calls: 1 });
    const thread = sandboxThread();
    const owed = expect(transform.run({ n: 2 })).rejects.toThrow("The code sandbox's thread was stopped.");
    await thread.stop();
    await owed;
    expect(sandboxThread()).not.toBe(thread);
    // Records arriving together share one compile on the new thread (one runtime: calls 1, 2).
    expect(await Promise.all([transform.run({ n: 3 }), transform.run({ n: 5 })])).toEqual([
      { n: 4, calls: 1 },
      { n: 6, calls: 2 },
    ]);
    transform.dispose();
  });
});
