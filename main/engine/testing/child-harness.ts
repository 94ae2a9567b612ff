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
  const exited = new Promise<ChildExit>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const waiter of waiters) waiter();
      fs.rmSync(path.dirname(specFile), { recursive: true, force: true });
      resolve({ code, signal, result, events, stderr });
    });
  });
  let done = false;
  void exited.then(() => (done = true));
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
  /** Kill after this many finished records, at most (a random number up to it, per round). */
  maxRecordsBeforeKill: number;
}

/**
 * Starts the run, SIGKILLs it after a random number of finished records, starts it again, …
 * `kills` times, then lets a last run finish. Returns each round's exit and the last result.
 */
export async function crashLoop(
  options: CrashLoopOptions,
): Promise<{ rounds: ChildExit[]; final: ChildExit }> {
  const random = seededRandom(options.seed);
  const rounds: ChildExit[] = [];
  for (let round = 0; round < options.kills; round++) {
    const child = startChildRun(options.spec);
    const target = 1 + Math.floor(random() * options.maxRecordsBeforeKill);
    await child.waitFor(
      (events) => events.filter((event) => event.type === 'itemSucceeded').length >= target,
    );
    child.kill('SIGKILL');
    rounds.push(await child.exited);
  }
  const final = await startChildRun(options.spec).exited;
  return { rounds, final };
}
