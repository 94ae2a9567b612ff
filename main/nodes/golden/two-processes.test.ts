import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildRun } from '../../engine/testing/child-harness';
import type { TwinConnectionsOptions } from '../../engine/testing/twin-connections';
import { templates, TwinHarness } from './harness';
import type { TlProduct, WireArticle } from './twin-records';

let h: TwinHarness;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-two-processes-'));
beforeAll(async () => {
  h = await TwinHarness.start();
}, 60_000);
afterAll(async () => {
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('two processes on one data folder (the desktop app and `koppel run`)', () => {
  it('make each new product once when both make the same products at once', async () => {
    // Each add takes a while, as on a real account where calls wait for the rate limit: one
    // process looks a code up while the other's add of it is on its way. Only the database's
    // claims (making_claims) keep them apart; without them every product was made twice here.
    await h.faults('teamleader', { operationLatencyMs: { 'products.add': 150 } });
    const connections: TwinConnectionsOptions = {
      sandbox: h.info(),
      teamleaderClient: { rateLimitPerMinute: 100_000 },
    };
    const dataDir = path.join(dir, 'data');
    const flow = templates.get('products-mplus-to-teamleader');
    const runs = [flow, { ...flow, id: 'products-copy' }].map((each) =>
      startChildRun({
        dataDir,
        flow: each,
        connectionsModule: path.join(__dirname, '../../engine/testing/twin-connections.ts'),
        connectionsOptions: connections,
        printEvents: false,
      }),
    );
    const exits = await Promise.all(runs.map((run) => run.exited));
    const articles = await h.mplusEntities<WireArticle>('articles');
    for (const exit of exits) {
      expect(exit.code, exit.stderr).toBe(0);
      expect(exit.result?.counts).toMatchObject({ total: articles.length, failed: 0 });
    }
    expect(new Set(runs.map((run) => run.pid)).size).toBe(2);
    expect((await h.stats('teamleader')).calls['products.add']).toBe(articles.length);
    const products = await h.teamleaderEntities<TlProduct>('products');
    for (const article of articles) {
      const code = String(article.articleNumber);
      expect(
        products.filter((product) => product.code === code),
        code,
      ).toHaveLength(1);
    }
  }, 120_000);
});
