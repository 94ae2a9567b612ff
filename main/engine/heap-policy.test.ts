import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { YOUNG_GENERATION_CAP_MB } from './heap-policy';

const run = promisify(execFile);

/** The fixture's largest young generation, in a Node whose V8 may grow it to 128 MB as Node 24's does. */
async function largestYoungGeneration(withPolicy: boolean): Promise<number> {
  const { stdout } = await run(process.execPath, [
    '--max-semi-space-size=64',
    '--import',
    'tsx',
    path.join(__dirname, 'fixtures', 'young-generation.ts'),
    ...(withPolicy ? ['policy'] : []),
  ]);
  return (JSON.parse(stdout.trim()) as { largest: number }).largest;
}

describe('heap policy', () => {
  it('keeps the young generation at its cap where V8 would grow it to 128 MB', async () => {
    const [without, withPolicy] = await Promise.all([
      largestYoungGeneration(false),
      largestYoungGeneration(true),
    ]);
    // Without the policy the same allocation grows it past the cap: the fixture does test the cap.
    expect(without).toBeGreaterThan(2 * YOUNG_GENERATION_CAP_MB);
    // V8 grows it by doubling: under twice the cap, it never grew past it (the size it reports
    // includes a page or two more than the cap: 33 or 34 MB).
    expect(withPolicy).toBeGreaterThanOrEqual(YOUNG_GENERATION_CAP_MB);
    expect(withPolicy).toBeLessThan(2 * YOUNG_GENERATION_CAP_MB);
  }, 60_000);
});
