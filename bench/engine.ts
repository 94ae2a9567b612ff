/**
 * `npm run bench -- engine [--records 10000,100000] [--concurrency 16] [--logging full|metadata]
 *   [--cold] [--heap app|default] [--repeat 3] [--bundled]`
 *
 * Records through source → map → code → target with in-memory connectors and persistence on (a
 * real SQLite file: items, events, ledger, cursors). Each size runs in a fresh child process so
 * its peak RSS is its own. The source generates records on demand and the target keeps only a
 * count, so memory measured is the engine's, not the fake systems'.
 *
 * As in the desktop app and the web host, the process applies the app's V8 heap policy and the
 * engine warms up (writer thread, QuickJS) before the run; the warm-up's time is shown on its own.
 * Each size runs `--repeat` times (this machine's speed drifts by a third within minutes); the table
 * shows the median run by records/s and the slowest and fastest records/s. After the measured run
 * each child runs a second flow of the same shape ("next run"): the desktop app and the web host
 * run flows again and again in one process, and by then V8 has compiled the engine's code, which
 * the first run of a fresh process pays for.
 * `--cold` starts the run without warming up (as `koppel run` does; only the store's threads are
 * started before it, to tell the threads apart); `--heap default` leaves V8's
 * heap sizing as it is. `--bundled` runs the children from one esbuild bundle with plain Node (the
 * shipped command line and desktop app are bundles too) instead of from the sources under tsx: the
 * same code in a leaner process, whose smaller heap V8 collects differently (see the engine
 * README). Neither is the app's process, which holds more besides the engine.
 *
 * Environment: BENCH_NO_THREAD=1 writes on the engine's thread (no writer thread), BENCH_KEEP=1
 * keeps the data folder (its path goes to stderr) to look at what a run stored.
 *
 * Prints a table: records/s and peak RSS per size, and the Node release it ran on (another Node: put
 * it first on PATH and rebuild better-sqlite3 for it, `npm_config_nodedir=<its folder> npm rebuild
 * better-sqlite3`; see the engine README for figures on Node 22 and 24). Targets: ≥10,000
 * records/s; peak RSS under 300 MB and flat from 10k to 100k.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { FlowDocument } from '../shared/flow/flow-document';
import type { JsonObject } from '../shared/flow/json';
import { staticConnections } from '../main/engine/connections';
import { Engine, type RunResult } from '../main/engine/engine';
import { applyHeapPolicy } from '../main/engine/heap-policy';
import { memoryFlow } from '../main/engine/testing/memory-flow';
import { MemorySystem, type MemoryEntry } from '../main/engine/testing/memory-system';
import { createNodeRegistry } from '../main/nodes';
import { Store } from '../main/store/store';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '10000,100000' },
    concurrency: { type: 'string', default: '16' },
    logging: { type: 'string', default: 'full' },
    child: { type: 'string' },
    /** Leave out nodes to see what each costs: "map", "code" or "map,code". */
    without: { type: 'string', default: '' },
    'dry-run': { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
    /** Runs per size; the table shows the median run by records/s, and the range. */
    repeat: { type: 'string', default: '3' },
    heap: { type: 'string', default: 'app' },
    bundled: { type: 'boolean', default: false },
  },
});

/** Generates `total` orders on demand; writes are counted, not kept. */
class SyntheticSystem extends MemorySystem {
  written = 0;

  constructor(private readonly total: number) {
    super();
  }

  override async read(_entity: string, after: number, limit: number): Promise<MemoryEntry[]> {
    const entries: MemoryEntry[] = [];
    for (let marker = after + 1; marker <= Math.min(this.total, after + limit); marker++) {
      const data: JsonObject = {
        id: `o${marker}`,
        orderNumber: `ORD-${100000 + marker}`,
        email: `customer${marker % 5000}@example.com`,
        sku: String(400000 + (marker % 900)),
        amount: (marker % 250) + 0.5,
        country: marker % 3 === 0 ? 'BE' : 'NL',
        lines: [{ sku: String(400000 + (marker % 900)), quantity: 1 + (marker % 4), price: 9.95 }],
      };
      entries.push({ id: `o${marker}`, data, syncMarker: marker, updatedAt: '2026-01-05T09:00:00.000Z' });
    }
    return entries;
  }

  override async create(
    _entity: string,
    data: JsonObject,
  ): Promise<{ entry: MemoryEntry; replayed: boolean }> {
    this.written++;
    return { entry: { id: `inv-${this.written}`, data, syncMarker: 0, updatedAt: '' }, replayed: false };
  }
}

/** CPU seconds of each of this process's threads, by thread id (Linux: /proc, in ticks of 10 ms). */
function threadCpuSeconds(): Map<number, number> {
  const times = new Map<number, number>();
  let tasks: string[];
  try {
    tasks = fs.readdirSync('/proc/self/task');
  } catch {
    return times;
  }
  for (const task of tasks) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(Number(task), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}

/**
 * The engine's threads, told apart by when they start: the main thread (the engine's), V8's and
 * libuv's helpers (there before the store opens), the store's writer and checkpointer (started by
 * the store), and the code sandbox's (started by the warm-up, or by the first code node when
 * cold). `process.cpuUsage()` sums them all; the main thread is what limits records/s when the
 * others have cores of their own.
 */
class ThreadGroups {
  private readonly helpers: Set<number>;
  private database = new Set<number>();

  constructor() {
    this.helpers = new Set(threadCpuSeconds().keys());
    this.helpers.delete(process.pid);
  }

  /** Call once the store's threads are up: the threads started since the helpers are the database's. */
  storeOpened(): void {
    for (const id of threadCpuSeconds().keys())
      if (id !== process.pid && !this.helpers.has(id)) this.database.add(id);
  }

  /** CPU seconds per group now. */
  sample(): Record<ThreadGroup, number> {
    const sums: Record<ThreadGroup, number> = { engine: 0, database: 0, sandbox: 0, helpers: 0 };
    for (const [id, seconds] of threadCpuSeconds()) {
      const group: ThreadGroup =
        id === process.pid
          ? 'engine'
          : this.helpers.has(id)
            ? 'helpers'
            : this.database.has(id)
              ? 'database'
              : 'sandbox';
      sums[group] += seconds;
    }
    return sums;
  }
}

type ThreadGroup = 'engine' | 'database' | 'sandbox' | 'helpers';
const THREAD_GROUPS: readonly ThreadGroup[] = ['engine', 'database', 'sandbox', 'helpers'];

/** The bench's flow: source → map → code → target, less the nodes `--without` names. */
function benchFlow(id: string): FlowDocument {
  const flow = memoryFlow({
    id,
    sourceConfig: { pageSize: 500 },
    targetConfig: { idempotency: 'key' },
    settings: { concurrency: Number(values.concurrency) },
    transforms: [
      {
        id: 'map',
        kind: 'core.transform.map',
        config: {
          fields: [
            { target: 'number', source: { kind: 'path', path: 'orderNumber' } },
            { target: 'customer.email', source: { kind: 'path', path: 'email' } },
            { target: 'amount', source: { kind: 'path', path: 'amount' } },
            { target: 'lines', source: { kind: 'path', path: 'lines' } },
            {
              target: 'taxCode',
              source: {
                kind: 'lookup',
                path: 'country',
                table: [
                  { key: 'NL', value: 'VAT21' },
                  { key: 'BE', value: 'BTW21' },
                ],
              },
            },
          ],
        },
      },
      {
        id: 'code',
        kind: 'core.transform.code',
        config: { code: 'return { ...record, total: Math.round(record.amount * 121) / 100 };' },
      },
    ],
  });
  const without = new Set(values.without.split(',').filter(Boolean));
  if (without.size > 0) {
    const kept = flow.nodes.filter((node) => !without.has(node.id));
    flow.nodes = kept;
    flow.edges = kept.slice(1).map((node, index) => ({
      id: `e${index}`,
      source: kept[index]?.id ?? '',
      sourcePort: 'out',
      target: node.id,
      targetPort: 'in',
    }));
  }
  return flow;
}

/** A run that did not write every record (or wrote in a dry run) measured nothing: stop the bench. */
function expectAllWritten(records: number, system: SyntheticSystem, result: RunResult): void {
  if (result.counts.succeeded !== records || system.written !== (values['dry-run'] ? 0 : records)) {
    throw new Error(
      `Expected ${records} records written, got ${system.written} (${JSON.stringify(result)}).`,
    );
  }
}

/** An engine over `system` with the bench's payload logging. */
function benchEngine(store: Store, system: MemorySystem): Engine {
  return new Engine({
    store,
    registry: createNodeRegistry(),
    connections: staticConnections({ memory: system }),
    defaultPayloadLogging: () => (values.logging === 'metadata' ? 'metadata' : 'full'),
  });
}

/** One run of a fresh flow over `records` new records, in this process; its records/s. */
async function timedRun(store: Store, flowId: string, records: number): Promise<number> {
  const system = new SyntheticSystem(records);
  const engine = benchEngine(store, system);
  const started = performance.now();
  const result = await engine.run({ flow: benchFlow(flowId), trigger: 'manual', dryRun: values['dry-run'] });
  const seconds = (performance.now() - started) / 1000;
  expectAllWritten(records, system, result);
  return records / seconds;
}

async function child(records: number): Promise<void> {
  if (values.heap === 'app') applyHeapPolicy();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-bench-'));
  const threads = new ThreadGroups();
  const store = Store.openDataDir(dir, { writerThread: process.env.BENCH_NO_THREAD !== '1' });
  // The store's threads start before the run even with --cold, so they are told apart from the sandbox's.
  await store.warmUp();
  threads.storeOpened();
  const system = new SyntheticSystem(records);
  const engine = benchEngine(store, system);
  const flow = benchFlow('bench');
  const warmUpStarted = performance.now();
  if (!values.cold) await engine.warmUp();
  const warmUpMs = performance.now() - warmUpStarted;
  // The longest the run kept the event loop from anything else (timers, IPC, the UI's messages).
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const threadsBefore = threads.sample();
  const result = await engine.run({ flow, trigger: 'manual', dryRun: values['dry-run'] });
  const seconds = (performance.now() - started) / 1000;
  stalls.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const threadsAfter = threads.sample();
  // CPU µs per record of each group of threads over the run.
  const cpuUs = Object.fromEntries(
    THREAD_GROUPS.map((group) => [group, ((threadsAfter[group] - threadsBefore[group]) / records) * 1e6]),
  );
  expectAllWritten(records, system, result);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const dbBytes =
    fs.statSync(path.join(dir, 'koppel.db')).size +
    (fs.existsSync(path.join(dir, 'koppel.db-wal')) ? fs.statSync(path.join(dir, 'koppel.db-wal')).size : 0);
  // Another flow of the same shape in the same process, as the desktop app's and the web host's
  // scheduled runs are: V8 has compiled the engine's code by now, while the first run starts cold.
  const nextPerSecond = await timedRun(store, 'bench-next', records);
  store.close();
  if (process.env.BENCH_KEEP) console.error(dir);
  else fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({ records, seconds, perSecond: records / seconds, perCpuSecond: records / cpuSeconds, perMainCpuSecond: records / (threadsAfter.engine - threadsBefore.engine), cpuUs, peakRssMb, nextPerSecond, nextPeakRssMb: process.resourceUsage().maxRSS / 1024, dbMb: dbBytes / 1048576, longestStallMs: stalls.max / 1e6, warmUpMs })}\n`,
  );
}

/** What a child prints. */
const Figures = z.object({
  records: z.number(),
  seconds: z.number(),
  perSecond: z.number(),
  perCpuSecond: z.number(),
  perMainCpuSecond: z.number().nullable(),
  /** CPU µs per record by group of threads. */
  cpuUs: z.record(z.enum(['engine', 'database', 'sandbox', 'helpers']), z.number()),
  peakRssMb: z.number(),
  dbMb: z.number(),
  longestStallMs: z.number(),
  warmUpMs: z.number(),
  nextPerSecond: z.number(),
  nextPeakRssMb: z.number(),
});

/** Where `--bundled` puts the bench's bundle (beside the app's, so node_modules resolve). */
const BUNDLE = path.join(__dirname, '..', 'out', 'bench', 'engine.js');

/** Bundles this file with the command line's own build script (scripts/build-cli.mjs). */
function bundle(): void {
  const root = path.join(__dirname, '..');
  const built = spawnSync(
    process.execPath,
    [path.join(root, 'scripts', 'build-cli.mjs'), __filename, BUNDLE],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error(`Bundling the bench failed (exit code ${built.status}).`);
}

/** One run of `records` in a fresh process. */
function runChild(records: number): z.infer<typeof Figures> {
  const run = spawnSync(
    process.execPath,
    [
      ...(values.bundled ? [BUNDLE] : ['--import', 'tsx', __filename]),
      '--child',
      String(records),
      '--concurrency',
      values.concurrency,
      '--logging',
      values.logging,
      '--heap',
      values.heap,
      '--without',
      values.without,
      ...(values.cold ? ['--cold'] : []),
      ...(values['dry-run'] ? ['--dry-run'] : []),
    ],
    { encoding: 'utf8', cwd: path.join(__dirname, '..'), maxBuffer: 10 * 1024 * 1024 },
  );
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  const line = run.stdout.trim().split('\n').at(-1) ?? '{}';
  return Figures.parse(JSON.parse(line));
}

function parent(): void {
  const sizes = values.records.split(',').map(Number);
  const rows: string[] = [];
  const threadRows: string[] = [];
  const repeat = Math.max(1, Number(values.repeat));
  if (values.bundled) bundle();
  for (const records of sizes) {
    const runs: z.infer<typeof Figures>[] = [];
    for (let index = 0; index < repeat; index++) runs.push(runChild(records));
    runs.sort((a, b) => a.perSecond - b.perSecond);
    const figures = runs[Math.floor((runs.length - 1) / 2)] ?? runs[0];
    if (!figures) continue;
    // The engine's own thread: near 100% means it, not the database threads, bounds records/s.
    const mainShare =
      figures.perMainCpuSecond === null
        ? '—'
        : `${Math.round((100 * figures.records) / figures.perMainCpuSecond / figures.seconds)}%`;
    const range = `${Math.round(runs[0]?.perSecond ?? 0).toLocaleString('en')}–${Math.round(runs.at(-1)?.perSecond ?? 0).toLocaleString('en')}`;
    const next = runs.map((run) => run.nextPerSecond).sort((a, b) => a - b);
    const nextMedian = next[Math.floor((next.length - 1) / 2)] ?? 0;
    const nextRange = `${Math.round(next[0] ?? 0).toLocaleString('en')}–${Math.round(next.at(-1) ?? 0).toLocaleString('en')}`;
    rows.push(
      `| ${figures.records.toLocaleString('en').padStart(8)} | ${figures.seconds.toFixed(2).padStart(7)} | ${Math.round(figures.perSecond).toLocaleString('en').padStart(9)} | ${range.padStart(13)} | ${Math.round(figures.perCpuSecond).toLocaleString('en').padStart(13)} | ${mainShare.padStart(13)} | ${figures.peakRssMb.toFixed(0).padStart(13)} | ${Math.max(
        ...runs.map((run) => run.peakRssMb),
      )
        .toFixed(0)
        .padStart(
          12,
        )} | ${figures.dbMb.toFixed(1).padStart(7)} | ${figures.longestStallMs.toFixed(0).padStart(17)} | ${(values.cold ? '—' : figures.warmUpMs.toFixed(0)).padStart(12)} | ${Math.round(nextMedian).toLocaleString('en').padStart(21)} | ${nextRange.padStart(13)} | ${Math.max(
        ...runs.map((run) => run.nextPeakRssMb),
      )
        .toFixed(0)
        .padStart(16)} |`,
    );
    const cpu = figures.cpuUs;
    const total = THREAD_GROUPS.reduce((sum, group) => sum + (cpu[group] ?? 0), 0);
    threadRows.push(
      `| ${figures.records.toLocaleString('en').padStart(8)} | ${THREAD_GROUPS.map((group) => (cpu[group] ?? 0).toFixed(0).padStart(THREAD_HEADINGS[group].length)).join(' | ')} | ${total.toFixed(0).padStart(5)} |`,
    );
  }
  console.log(
    `engine: source → map → code → target${values.without ? ` without ${values.without}` : ''}${values['dry-run'] ? ', dry run' : ''}, concurrency ${values.concurrency}, payload logging ${values.logging}, SQLite on`,
  );
  console.log(
    `${values.cold ? 'cold start: no warm-up before the run' : 'engine warmed up before the run, as the desktop app and web host do at start-up'}; V8 heap: ${values.heap === 'app' ? "the app's policy (main/engine/heap-policy.ts)" : "V8's default sizing"}; ${values.bundled ? 'children run from an esbuild bundle with plain Node' : 'children run the sources under tsx'}\n`,
  );
  const load = os.loadavg()[0] ?? 0;
  console.log(
    `(machine: ${os.cpus().length} cores, load average ${load.toFixed(1)}, Node ${process.version} with V8 ${process.versions.v8}; records per CPU-second is the engine's own cost, all threads; "main thread" is the CPU time of the engine's thread over the run's time)\n`,
  );
  console.log(
    `median of ${repeat} run(s) per size; "range" is the slowest and fastest records/s, "max RSS" the highest peak of all runs; "next run" is a second flow of the same shape run after the first in the same process (as the app's scheduled runs are: the engine's code is compiled by then)\n`,
  );
  console.log(
    '|  records | seconds | records/s |         range | records/CPU-s |   main thread | peak RSS (MB) | max RSS (MB) | db (MB) | longest stall (ms) | warm-up (ms) | next run: records/s | next: range | next: max RSS (MB) |',
  );
  console.log(
    '|---------:|--------:|----------:|--------------:|--------------:|--------------:|--------------:|-------------:|--------:|-------------------:|-------------:|--------------------:|------------:|------------------:|',
  );
  for (const row of rows) console.log(row);
  console.log('\nCPU µs per record by thread, same runs (from /proc; ticks of 10 ms):\n');
  console.log(`|  records | ${THREAD_GROUPS.map((group) => THREAD_HEADINGS[group]).join(' | ')} | total |`);
  console.log(
    `|---------:|${THREAD_GROUPS.map((group) => `${'-'.repeat(THREAD_HEADINGS[group].length + 1)}:`).join('|')}|------:|`,
  );
  for (const row of threadRows) console.log(row);
}

const THREAD_HEADINGS: Record<ThreadGroup, string> = {
  engine: "engine's thread",
  database: 'writer + checkpointer',
  sandbox: 'code sandbox',
  helpers: "V8's and libuv's helpers",
};

if (values.child) {
  child(Number(values.child)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else parent();
