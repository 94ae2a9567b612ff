import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../store/store';
import { crashLoop } from './child-harness';
import { memoryFlow, sampleOrders } from './memory-flow';
import { MemorySystem } from './memory-system';

const succeeded = (round: { events: readonly { type: string }[] }) =>
  round.events.filter((event) => event.type === 'itemSucceeded').length;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('crash test (child processes, SIGKILL at random points)', () => {
  it('writes every record exactly once across three kills and a final run', async () => {
    const systemFile = path.join(dir, 'system.jsonl');
    const dataDir = path.join(dir, 'data');
    new MemorySystem(systemFile).seed('orders', sampleOrders(300));
    const flow = memoryFlow({
      id: 'crash-flow',
      sourceConfig: { pageSize: 50 },
      settings: { concurrency: 4 },
      transforms: [
        {
          kind: 'core.transform.code',
          config: { code: 'return { ...record, total: record.amount * 1.21 };' },
        },
      ],
    });

    const { rounds, final } = await crashLoop({
      spec: {
        dataDir,
        flow,
        connectionsModule: path.join(__dirname, 'file-connections.ts'),
        connectionsOptions: { file: systemFile },
      },
      kills: 3,
      seed: 42,
      maxRecordsBeforeKill: 60,
    });

    // A round's child may do the rest of the run before its kill point comes: it ends by itself.
    for (const round of rounds) {
      if (round.signal !== 'SIGKILL')
        expect(round).toMatchObject({ code: 0, result: { status: 'succeeded' } });
    }
    expect(rounds.some((round) => round.signal === 'SIGKILL')).toBe(true);
    expect(final.result).toMatchObject({ status: 'succeeded' });

    // The target's own state: each order once.
    const invoices = new MemorySystem(systemFile).list('invoices');
    const numbers = invoices.map((entry) => entry.data.orderNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBe(300);

    // Every run ended with exactly one runFinished.
    const store = Store.openDataDir(dataDir);
    try {
      const { runs } = store.runs.list({ limit: 20 });
      // Each killed round's run was finished as interrupted by the next process, unless it had
      // done every record left before the kill landed (this flow is fast: a child may finish while
      // the parent reads its first events; seen once in ten runs for the third round's 170 records).
      const killed = rounds.map((round) => {
        const runId = round.events.find((event) => event.type === 'runStarted')?.runId;
        return runs.find((run) => run.id === runId)?.status;
      });
      for (const status of killed) expect(['interrupted', 'succeeded']).toContain(status);
      expect(killed.filter((status) => status === 'interrupted').length).toBeGreaterThan(0);
      for (const run of runs) {
        const finished = store.events
          .page(run.id, 0, 100_000)
          .filter((event) => event.type === 'runFinished');
        expect(finished).toHaveLength(1);
      }
      expect(store.exactlyOnce.intents('crash-flow')).toEqual([]);
    } finally {
      store.close();
    }
  }, 240_000);

  it('goes on when a child finishes the run before its kill point (it ends by itself, not killed)', async () => {
    const systemFile = path.join(dir, 'short.jsonl');
    new MemorySystem(systemFile).seed('orders', sampleOrders(20));
    // Kill points spread over 10,000 records: the 20 are done long before the first.
    const { rounds, log, final } = await crashLoop({
      spec: {
        dataDir: path.join(dir, 'short-data'),
        flow: memoryFlow({ id: 'short-flow' }),
        connectionsModule: path.join(__dirname, 'file-connections.ts'),
        connectionsOptions: { file: systemFile },
      },
      kills: 2,
      seed: 42,
      spreadOver: 10_000,
    });
    expect(log.map((round) => round.killAfter).every((point) => point > 20)).toBe(true);
    expect(rounds.map((round) => [round.signal, round.code, round.result?.status])).toEqual([
      [null, 0, 'succeeded'],
      [null, 0, 'succeeded'],
    ]);
    expect(rounds.map((round) => succeeded(round))).toEqual([20, 0]);
    expect(final.result).toMatchObject({ status: 'succeeded' });
    expect(new MemorySystem(systemFile).list('invoices')).toHaveLength(20);
  }, 60_000);
});
