/**
 * `npm run bench -- calls [--size small|medium|large] [--rounds 2] [--seed 1] [--by-operation]`
 *
 * The calls each template makes against the twins: all nine in turn (both directions of each pair,
 * as a shop that turns them all on), `--rounds` times, on a fresh sandbox of `--size`. On a real
 * Teamleader account a flow's speed is its number of calls (200 a minute per account); MplusKASSA
 * documents no limit. The twins answer at once here, so the seconds are the engine's and the
 * twins', not what a real account takes: that is about the Teamleader calls / 200 minutes.
 *
 * Prints a table per round: records, Teamleader and MplusKASSA calls, and minutes of Teamleader's
 * budget; with `--by-operation`, the Teamleader operations of each template too.
 */
import { parseArgs } from 'node:util';
import { TwinHarness, type TemplateId } from '../main/nodes/golden/harness';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'medium' },
    rounds: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'by-operation': { type: 'boolean', default: false },
  },
});

/** The order a shop would turn them on in: reference data, customers, products, then documents. */
const ORDER = [
  'categories-teamleader-to-mplus',
  'customers-teamleader-to-mplus',
  'customers-mplus-to-teamleader',
  'products-teamleader-to-mplus',
  'products-mplus-to-teamleader',
  'stock-mplus-to-teamleader',
  'orders-mplus-to-teamleader',
  'orders-teamleader-to-mplus',
  'order-status-teamleader-to-mplus',
] as const satisfies readonly TemplateId[];

const TEAMLEADER_PER_MINUTE = 200;

function total(calls: Record<string, number>): number {
  return Object.values(calls).reduce((sum, count) => sum + count, 0);
}

function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const made: Record<string, number> = {};
  for (const [operation, count] of Object.entries(after)) {
    const delta = count - (before[operation] ?? 0);
    if (delta > 0) made[operation] = delta;
  }
  return made;
}

async function main(): Promise<void> {
  const size = values.size;
  if (size !== 'small' && size !== 'medium' && size !== 'large') throw new Error(`--size ${size}?`);
  const h = await TwinHarness.start(Number(values.seed), { size });
  try {
    console.log(
      `calls per template on the ${size} sandbox (seed ${values.seed}), all nine in turn, ${values.rounds} round(s)\n`,
    );
    for (let round = 1; round <= Number(values.rounds); round++) {
      console.log(`round ${round}\n`);
      console.log(
        '| template                         | records | written | Teamleader calls | TL minutes at 200/min | MplusKASSA calls | seconds here |',
      );
      console.log(
        '|----------------------------------|--------:|--------:|-----------------:|----------------------:|-----------------:|-------------:|',
      );
      const sums = { records: 0, written: 0, teamleader: 0, mplus: 0 };
      const operations: string[] = [];
      for (const template of ORDER) {
        const [tlBefore, mpBefore] = await Promise.all([h.stats('teamleader'), h.stats('mplus')]);
        const started = performance.now();
        const result = await h.run(template);
        const seconds = (performance.now() - started) / 1000;
        const [tlAfter, mpAfter] = await Promise.all([h.stats('teamleader'), h.stats('mplus')]);
        const teamleader = difference(tlAfter.calls, tlBefore.calls);
        const tl = total(teamleader);
        const mp = total(mpAfter.calls) - total(mpBefore.calls);
        sums.records += result.counts.total;
        sums.written += result.counts.succeeded;
        sums.teamleader += tl;
        sums.mplus += mp;
        console.log(
          `| ${template.padEnd(32)} | ${String(result.counts.total).padStart(7)} | ${String(result.counts.succeeded).padStart(7)} | ${tl.toLocaleString('en').padStart(16)} | ${(tl / TEAMLEADER_PER_MINUTE).toFixed(1).padStart(21)} | ${mp.toLocaleString('en').padStart(16)} | ${seconds.toFixed(1).padStart(12)} |`,
        );
        if (result.counts.failed > 0) console.log(`|   ${result.counts.failed} record(s) failed |`);
        operations.push(`${template}: ${JSON.stringify(teamleader)}`);
      }
      console.log(
        `| ${'all'.padEnd(32)} | ${String(sums.records).padStart(7)} | ${String(sums.written).padStart(7)} | ${sums.teamleader.toLocaleString('en').padStart(16)} | ${(sums.teamleader / TEAMLEADER_PER_MINUTE).toFixed(1).padStart(21)} | ${sums.mplus.toLocaleString('en').padStart(16)} |              |\n`,
      );
      if (values['by-operation']) console.log(`Teamleader operations:\n${operations.join('\n')}\n`);
    }
  } finally {
    await h.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
