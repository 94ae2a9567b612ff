/**
 * `npm run bench -- mplus [--articles 100000] [--limits 500,1000,5000]`
 * Reads N articles from the Mplus twin through syncMarker pages (iterateProducts) and prints
 * articles/s and the reading process's peak memory. The twin runs in its own process, so the
 * figures are the client's: transport, XML decoding against the schema model, Koppel conversion.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { appRoot } from '../main/app/paths';
import { createMplusClient } from '../main/connectors/mplus/index';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    limits: { type: 'string', default: '500,1000,5000' },
  },
});
const articles = Number(values.articles);
const limits = values.limits.split(',').map(Number);

interface TwinInfo {
  url: string;
  adminUrl: string;
  ident: string;
  secret: string;
}

async function startTwinProcess(): Promise<{ info: TwinInfo; stop: () => void }> {
  const root = appRoot();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/connectors/mplus/simulator/main.ts', '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the twin exited with code ${code}`)));
  });
  return { info: JSON.parse(first) as TwinInfo, stop: () => child.kill('SIGTERM') };
}

function memorySampler(): { startRssMb: number; stop: () => { rssMb: number; heapMb: number } } {
  let rss = 0;
  let heap = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  const timer = setInterval(sample, 10);
  sample();
  return {
    startRssMb: rss / 2 ** 20,
    stop: () => {
      clearInterval(timer);
      sample();
      return { rssMb: rss / 2 ** 20, heapMb: heap / 2 ** 20 };
    },
  };
}

async function main(): Promise<void> {
  const { info, stop } = await startTwinProcess();
  try {
    const generateStart = performance.now();
    const response = await fetch(`${info.adminUrl}/generate`, {
      method: 'POST',
      body: JSON.stringify({ type: 'articles', count: articles }),
    });
    if (!response.ok) throw new Error(`generate failed: ${response.status} ${await response.text()}`);
    const generateMs = performance.now() - generateStart;

    const client = createMplusClient({
      url: info.url,
      ident: info.ident,
      secret: info.secret,
      timeoutMs: 300_000,
    });
    const total = (await client.getCurrentSyncMarkers()).articleSyncMarker;
    console.log(
      `Mplus twin: ${total} articles (generated ${articles} in ${(generateMs / 1000).toFixed(2)} s)`,
    );
    console.log('limit  pages  articles  seconds  articles/s  RSS before MB  peak RSS MB  peak heap MB');

    for (const limit of limits) {
      global.gc?.();
      const memory = memorySampler();
      const started = performance.now();
      let pages = 0;
      let read = 0;
      for await (const page of client.iterateProducts({ limit })) {
        pages++;
        for (const { record } of page.records) read += record.articleList?.article?.length ?? 0;
      }
      const seconds = (performance.now() - started) / 1000;
      const peak = memory.stop();
      if (read !== total) throw new Error(`read ${read} articles, expected ${total}`);
      console.log(
        [
          String(limit).padStart(5),
          String(pages).padStart(6),
          String(read).padStart(9),
          seconds.toFixed(2).padStart(8),
          Math.round(read / seconds)
            .toString()
            .padStart(11),
          memory.startRssMb.toFixed(0).padStart(13),
          peak.rssMb.toFixed(0).padStart(12),
          peak.heapMb.toFixed(0).padStart(13),
        ].join('  '),
      );
    }
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
