import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RunEvent } from '../../../shared/flow/run-events';
import { appRoot } from '../../app/paths';
import type { RunResult } from '../run-execution';
import { ChildResult, type ChildRunSpecInput } from './child-spec';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The run's outcome, when the child lived to print it. */
  result: RunResult | undefined;
  events: RunEvent[];
  stderr: string;
}

export interface ChildRun {
  readonly pid: number | undefined;
  /** Events printed so far. */
  readonly events: readonly RunEvent[];
  /** Resolves when `predicate` holds for the events so far (or the child exits: false). */
  waitFor(predicate: (events: readonly RunEvent[]) => boolean): Promise<boolean>;
  kill(signal?: NodeJS.Signals): void;
  readonly exited: Promise<ChildExit>;
}

/**
 * Runs a flow in a child process (tsx, same sources), so tests can SIGKILL a real run at any
 * point and check what is left: the crash test and the fault test against the twins (issue 6)
 * give it a connections module that builds twin clients.
 */
export function startChildRun(spec: ChildRunSpecInput): ChildRun {
  const specFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-child-')), 'spec.json');
  fs.writeFileSync(specFile, JSON.stringify(spec));
  const root = appRoot();
  const tsx = pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('tsx')).href;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', tsx, path.join(__dirname, 'child-run.ts'), specFile],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const events: RunEvent[] = [];
  const waiters = new Set<() => void>();
  let result: RunResult | undefined;
  let stderr = '';
  let buffer = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      const message: unknown = JSON.parse(line);
      if (typeof message !== 'object' || message === null || !('type' in message)) continue;
      if (message.type === 'event' && 'event' in message) {
        const parsed = RunEvent.safeParse(message.event);
        if (parsed.success) events.push(parsed.data);
      } else if (message.type === 'result' && 'result' in message) {
        const parsed = ChildResult.safeParse(message.result);
        if (parsed.success) result = parsed.data;
      }
    }
    for (const waiter of waiters) waiter();
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  let done = false;
  // 'close', not 'exit': the child's last lines may still be in its stdout when it exits. And
  // `done` before the waiters hear it, so one whose records never came (the child did the rest of
  // the run before its kill point) resolves false instead of waiting for ever.
  const exited = new Promise<ChildExit>((resolve) => {
    child.on('close', (code, signal) => {
      done = true;
      for (const waiter of waiters) waiter();
      fs.rmSync(path.dirname(specFile), { recursive: true, force: true });
      resolve({ code, signal, result, events, stderr });
    });
  });
  return {
    pid: child.pid,
    events,
    exited,
    kill: (signal = 'SIGKILL') => {
      if (!done) child.kill(signal);
    },
    waitFor: (predicate) =>
      new Promise<boolean>((resolve) => {
        const check = () => {
          if (predicate(events)) {
            waiters.delete(check);
            resolve(true);
          } else if (done) {
            waiters.delete(check);
            resolve(false);
          }
        };
        waiters.add(check);
        check();
      }),
  };
}

/** A small deterministic random source (mulberry32) so crash points are reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CrashLoopOptions {
  spec: ChildRunSpecInput;
  kills: number;
  seed: number;
  /** Kill after a random number (1 to this) of records finished in that round. */
  maxRecordsBeforeKill?: number;
  /**
   * Or spread the kills over a whole run of this many records: `kills` seeded positions between 1
   * and 95% of it; each round dies when the records finished over all rounds so far reach the next.
   */
  spreadOver?: number;
  /** Then wait a seeded 0 to `jitterMs` more, so the kill lands anywhere in the work, not on an event. */
  jitterMs?: number;
  /** Hears each killed round (its kill point and what it got done), for the test's log. */
  onRound?: (round: CrashRound) => void;
}

/** One killed round of a crash loop. */
export interface CrashRound {
  /** 1 to `kills`. */
  round: number;
  pid: number | undefined;
  /** The kill point: records finished in this round before the kill was sent. */
  killAfter: number;
  /** The extra wait after reaching it. */
  jitterMs: number;
  /** `itemSucceeded` events the round printed before it died (the kill lags the point a little). */
  succeeded: number;
  signal: NodeJS.Signals | null;
  durationMs: number;
}

const succeededIn = (events: readonly RunEvent[]): number =>
  events.filter((event) => event.type === 'itemSucceeded').length;

/** The seeded kill positions over a run of `total` records (cumulative, ascending). */
export function spreadKillPoints(random: () => number, kills: number, total: number): number[] {
  const last = Math.max(1, Math.floor(total * 0.95));
  return Array.from({ length: kills }, () => 1 + Math.floor(random() * last)).sort((a, b) => a - b);
}

/**
 * Starts the run, SIGKILLs it at a seeded point, starts it again, … `kills` times, then lets a last
 * run finish. Returns each round's exit, the kill log and the last run's exit.
 */
export async function crashLoop(
  options: CrashLoopOptions,
): Promise<{ rounds: ChildExit[]; log: CrashRound[]; final: ChildExit }> {
  const random = seededRandom(options.seed);
  const positions =
    options.spreadOver === undefined
      ? undefined
      : spreadKillPoints(random, options.kills, options.spreadOver);
  if (!positions && options.maxRecordsBeforeKill === undefined)
    throw new Error('crashLoop needs maxRecordsBeforeKill or spreadOver.');
  const rounds: ChildExit[] = [];
  const log: CrashRound[] = [];
  let finished = 0;
  for (let round = 0; round < options.kills; round++) {
    const startedAt = Date.now();
    const child = startChildRun(options.spec);
    const killAfter = positions
      ? Math.max(1, (positions[round] ?? 0) - finished)
      : 1 + Math.floor(random() * (options.maxRecordsBeforeKill ?? 1));
    const jitterMs = options.jitterMs ? Math.floor(random() * options.jitterMs) : 0;
    const reached = await child.waitFor((events) => succeededIn(events) >= killAfter);
    if (reached && jitterMs > 0) await new Promise((resolve) => setTimeout(resolve, jitterMs));
    child.kill('SIGKILL');
    const exit = await child.exited;
    const succeeded = succeededIn(exit.events);
    finished += succeeded;
    rounds.push(exit);
    const entry: CrashRound = {
      round: round + 1,
      pid: child.pid,
      killAfter,
      jitterMs,
      succeeded,
      signal: exit.signal,
      durationMs: Date.now() - startedAt,
    };
    log.push(entry);
    options.onRound?.(entry);
  }
  const final = await startChildRun(options.spec).exited;
  return { rounds, log, final };
}
