import fs from 'node:fs';
import { jsonSyntaxDetail } from '../../../../shared/flow/json-syntax';
import cliProgress from 'cli-progress';
import { apiCalls, type CallInput, type CallName, type CallOutput } from '../../../../shared/api/contract';
import { failureOf, KoppelError } from '../../../../shared/api/errors';
import type { FlowDocument } from '../../../../shared/flow/flow-document';
import { FlowMigrationError, migrateFlow } from '../../../../shared/flow/migrations';
import type { FlowProblem } from '../../../../shared/flow/flow-problem';
import { fixedByRetry, type RunItemSummary, type RunSummary } from '../../../../shared/flow/run-records';
import { nodeName, nodeNamesOf, type NodeNames } from '../../../../shared/flow/node-names';
import { recordCount } from '../../../../shared/flow/wording';
import { warningsIn, type RunWarning } from '../../../../shared/flow/run-warnings';
import type { App } from '../../../app/create-app';
import { createConsoleLogger } from '../../../app/logger';
import type { RunHandle, RunResult } from '../../../engine/engine';
import { loadApp } from '../load-app';
import { openInBrowser } from '../system-browser';
import { dataDirFrom, ExitCode } from '../options';
import { createTerminalAsk, type Ask } from '../terminal-input';

/**
 * What the sync commands touch outside themselves, so tests can run them in-process: output,
 * the exit code, signals and how the app is built (tests give it in-memory connections).
 */
export interface SyncCliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress bars only on a terminal. */
  isTTY: boolean;
  setExitCode(code: number): void;
  /**
   * The data folder's app; with `browser`, the app may open the system browser (the sign-in page of
   * `add-teamleader`), where there is a screen.
   */
  openApp(options: { dataDir: string; scheduler?: boolean; browser?: boolean }): Promise<App>;
  /** Calls `handler` on Ctrl+C / SIGTERM; returns a function that stops listening. */
  onStop(handler: () => void): () => void;
  /** An answer typed at a prompt (hidden where asked), or the next line of piped input. */
  ask: Ask;
}

export const processIo: SyncCliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  setExitCode: (code) => {
    process.exitCode = code;
  },
  openApp: ({ dataDir, scheduler, browser }) =>
    loadApp({
      host: 'cli',
      dataDir,
      logger: createConsoleLogger('warn'),
      ...(browser ? { openExternal: (url: string) => openInBrowser(url) } : {}),
      // `koppel schedule` runs unattended, as the desktop app does: its log is kept in a file too.
      ...(scheduler ? { scheduler, logFile: 'schedule' } : {}),
    }),
  onStop: (handler) => {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
  ask: (question, options) => (terminalAsk ??= createTerminalAsk())(question, options),
};
/** One for the process: piped input is read once and handed out a line per question. */
let terminalAsk: Ask | undefined;

/**
 * Opens the data folder's app for `work`, and closes it whatever happens. A command with a
 * `--no-browser` option (`browser` true unless given) lets the app open the system browser.
 */
export async function withApp<T>(
  io: SyncCliIo,
  options: { dataDir?: string; browser?: boolean },
  work: (app: App) => Promise<T>,
): Promise<T> {
  const app = await io.openApp({
    dataDir: dataDirFrom(options),
    ...(options.browser ? { browser: true } : {}),
  });
  try {
    return await work(app);
  } finally {
    await app.dispose();
  }
}

/** A call through the app's dispatcher (the contract's checks, as every host); its error as a KoppelError. */
export async function call<K extends CallName>(
  app: App,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await app.dispatch(name, input);
  if (!result.ok) throw KoppelError.fromApiError(result.error);
  return apiCalls[name].output.parse(result.output) as CallOutput<K>;
}

/** An error that ends a command with this exit code and message (and, for a flow, its problems). */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly problems?: readonly FlowProblem[],
  ) {
    super(message);
  }
}

/**
 * Writes a command's output to `file`, or to standard output without one (`--out`); true when it
 * went to the file, for the command to say so. The output is a text, or a function that hands it
 * over in pieces (a large export, written as it is read). A file that cannot be written is exit 2,
 * with why.
 */
export function writeOutput(
  io: SyncCliIo,
  file: string | undefined,
  output: string | ((write: (text: string) => void) => void),
): boolean {
  const produce = typeof output === 'string' ? (write: (text: string) => void) => write(output) : output;
  if (!file) {
    produce((text) => io.out(text));
    return false;
  }
  // Only the file's own failures are "cannot write"; the output's (a database error) are its own.
  const writing = <T>(step: () => T): T => {
    try {
      return step();
    } catch (error) {
      throw new CliExit(ExitCode.invalid, `cannot write ${file}: ${failureOf(error).message}`);
    }
  };
  const fd = writing(() => fs.openSync(file, 'w'));
  try {
    produce((text) => writing(() => fs.writeSync(fd, text)));
  } finally {
    writing(() => fs.closeSync(fd));
  }
  return true;
}

/** What a `--json` line calls an exit code that has no API error code behind it. */
const exitWords: Record<number, string> = {
  [ExitCode.someFailed]: 'failed',
  [ExitCode.invalid]: 'invalid',
  [ExitCode.unreachable]: 'unreachable',
};

/**
 * Runs a command body: a CliExit or KoppelError becomes a message on stderr and its exit code.
 * With `json`, a script also gets a line on stdout where the command's output would have been:
 * `{"error":{"code","exitCode","message","problems"?}}`.
 */
export async function guarded(
  io: SyncCliIo,
  command: string,
  body: () => Promise<void>,
  options: { json?: boolean | undefined } = {},
): Promise<void> {
  try {
    await body();
  } catch (error) {
    let failure: { code: string; exitCode: number; problems?: readonly FlowProblem[] };
    if (error instanceof CliExit) {
      failure = {
        code: exitWords[error.code] ?? 'error',
        exitCode: error.code,
        ...(error.problems ? { problems: error.problems } : {}),
      };
    } else if (error instanceof KoppelError) {
      failure = { code: error.code, exitCode: exitCodeOfError(error.code) };
    } else throw error;
    io.err(`koppel ${command}: ${error.message}\n`);
    if (options.json) {
      const { code, exitCode, problems } = failure;
      io.out(
        `${JSON.stringify({ error: { code, exitCode, message: error.message, ...(problems ? { problems } : {}) } })}\n`,
      );
    }
    io.setExitCode(failure.exitCode);
  }
}

/** Exit code of an API error: 2 for bad flows, settings or input; 3 when a system is unreachable. */
export function exitCodeOfError(code: string): number {
  return code === 'connection_failed' || code === 'unavailable' ? ExitCode.unreachable : ExitCode.invalid;
}

/** 0 every record succeeded or was skipped, 1 some failed, 2 invalid flow or settings, 3 unreachable. */
export function exitCodeOfRun(result: RunResult): number {
  if (result.error) {
    if (result.error.code === 'connection_failed' || result.error.code === 'unavailable')
      return ExitCode.unreachable;
    if (['invalid_flow', 'not_found', 'keychain_unavailable', 'invalid_input'].includes(result.error.code))
      return ExitCode.invalid;
    return ExitCode.someFailed;
  }
  if (result.status === 'succeeded') return ExitCode.ok;
  // Every failure was a system out of reach (too few in a row to stop the run): try again later.
  if (result.counts.failed > 0 && result.unreachableFailed === result.counts.failed)
    return ExitCode.unreachable;
  return ExitCode.someFailed;
}

/** Reads a flow file (any schema version); exit 2 with the reason when it is not one. */
export function readFlowFile(file: string): FlowDocument {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliExit(
      ExitCode.invalid,
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return migrateFlow(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new CliExit(ExitCode.invalid, `${file} is not JSON: ${jsonSyntaxDetail(error, text)}`);
    if (error instanceof FlowMigrationError) {
      const details = error.issues
        .slice(1, 6)
        .map((issue) => `\n  ${issue.path}: ${issue.message}`)
        .join('');
      throw new CliExit(ExitCode.invalid, `${file}: ${error.message}${details}`);
    }
    throw error;
  }
}

export function printProblems(io: SyncCliIo, problems: readonly FlowProblem[]): void {
  // One sentence once: a cycle is a problem of each of its edges (the editor marks them all).
  const printed = new Set<string>();
  for (const problem of problems) {
    const line = `${problem.severity === 'error' ? 'error' : 'warning'}: ${problem.message}\n`;
    if (printed.has(line)) continue;
    printed.add(line);
    io.err(line);
  }
}

/** The final `--json` line of `koppel run` and `koppel runs retry`. */
export function runResultJson(
  result: Pick<RunResult, 'runId' | 'counts' | 'durationMs'> & { status: string },
): string {
  const { total, succeeded, skipped, failed } = result.counts;
  return JSON.stringify({
    runId: result.runId,
    status: result.status,
    counts: { total, succeeded, skipped, failed },
    durationMs: result.durationMs,
  });
}

/** One record as `runs show --json` and `runs search --json` print it. */
export function itemJson(item: RunItemSummary, withRunId = false) {
  return {
    ...(withRunId ? { runId: item.runId } : {}),
    key: item.key,
    status: item.status,
    node: item.nodeId,
    error: item.error?.message ?? null,
    attempts: item.attempts,
    businessKeys: item.businessKeys,
  };
}

/** Where a record stopped, as people name the node and scripts know it: `Validate (check)`. */
export function nodeAt(names: NodeNames, nodeId: string | null): string {
  if (!nodeId) return '?';
  const name = nodeName(names, nodeId);
  return name === nodeId ? nodeId : `${name} (${nodeId})`;
}

export function describeRun(run: RunSummary): string {
  const { total, succeeded, skipped, failed } = run.counts;
  const duration = run.durationMs === null ? 'running' : `${(run.durationMs / 1000).toFixed(1)} s`;
  const fixed = fixedByRetry(run)
    ? ' (fixed by a retry)'
    : run.stopped
      ? ` (${run.stopped} stopped by the cancel)`
      : '';
  // A dry run's "ok" records were not written: said, so a list does not read as the same orders sent twice.
  const dry = run.dryRun ? ' [dry run: nothing written]' : '';
  return `${run.id}  ${run.startedAt}  ${run.status.padEnd(11)} ${run.trigger.padEnd(8)} ${run.flowName}${dry}  total ${total}, ok ${succeeded}, skipped ${skipped}, failed ${failed}${fixed}  (${duration})`;
}

/** The warnings a run's summary repeats, at most (each once; the run's log holds them all). */
export const MAX_WARNINGS = 5;

/**
 * Waits for a run, with a live counter on a terminal; Ctrl+C cancels the run (and waits for its
 * `runFinished`). Prints the summary (or the `--json` line), what the run warned of, and sets the
 * exit code.
 */
export async function followRun(
  io: SyncCliIo,
  app: App,
  handle: RunHandle,
  options: { json: boolean },
): Promise<RunResult> {
  const counts = { total: 0, succeeded: 0, skipped: 0, failed: 0 };
  const bar =
    io.isTTY && !options.json
      ? new cliProgress.SingleBar(
          {
            format:
              'koppel run {bar} {value} records | ok {succeeded} | skipped {skipped} | failed {failed} | {duration}s{wait}',
            hideCursor: true,
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  // A wait for a rate limit: on the bar until it ends, else a line of its own (a run that stands
  // still for a minute says why).
  let waitUntil = 0;
  let wait = '';
  // What the run warned of (a tax rule that changes the VAT, records let go), said after the summary.
  let warnings: RunWarning[] = [];
  bar?.start(0, 0, { ...counts, wait });
  const off = app.ctx.bus.on('runs.events', (batch) => {
    if (batch.runId !== handle.runId) return;
    warnings = warningsIn(batch.events, MAX_WARNINGS, warnings);
    for (const event of batch.events) {
      if (event.type === 'itemStarted') counts.total++;
      else if (event.type === 'itemSucceeded') counts.succeeded++;
      else if (event.type === 'itemSkipped') counts.skipped++;
      else if (event.type === 'itemFailed') counts.failed++;
      else if (event.type === 'log' && event.until) {
        waitUntil = Date.parse(event.until);
        wait = ` | waiting until ${new Date(waitUntil).toLocaleTimeString('en-GB')} for the rate limit`;
        if (!bar) io.err(`${event.message}\n`);
      }
    }
    if (wait && Date.now() >= waitUntil) wait = '';
    bar?.setTotal(Math.max(counts.total, 1));
    bar?.update(counts.succeeded + counts.skipped + counts.failed, { ...counts, wait });
  });
  const stopListening = io.onStop(() => {
    io.err('\nCancelling the run (records in flight finish their step)…\n');
    handle.cancel();
  });
  let result: RunResult;
  try {
    result = await handle.done;
  } finally {
    off();
    stopListening();
    bar?.stop();
  }
  if (options.json) {
    io.out(`${runResultJson(result)}\n`);
    if (result.error) io.err(`Stopped: ${result.error.message}\n`);
    for (const warning of warnings) io.err(`Warning: ${warning.message}\n`);
  } else {
    printSummary(io, app, result);
    if (warnings.length > 0) {
      io.out('Worth a look:\n');
      for (const warning of warnings) io.out(`  ${warning.message}\n`);
    }
  }
  io.setExitCode(exitCodeOfRun(result));
  return result;
}

function printSummary(io: SyncCliIo, app: App, result: RunResult): void {
  const { total, succeeded, skipped, failed } = result.counts;
  const dryRun = app.ctx.sync.store.runs.get(result.runId)?.dryRun ?? false;
  io.out(
    `${dryRun ? 'Dry run' : 'Run'} ${result.runId}: ${result.status} in ${(result.durationMs / 1000).toFixed(1)} s — ${recordCount(total)}: ${succeeded} succeeded, ${skipped} skipped, ${failed} failed.\n`,
  );
  if (dryRun)
    io.out(
      "Nothing was written (a dry run); the run's page in the app shows what each record would have sent.\n",
    );
  if (result.error) io.out(`Stopped: ${result.error.message}\n`);
  if (result.unreachableFailed > 0) {
    io.out(
      `${result.unreachableFailed === failed ? 'All of them' : `${result.unreachableFailed} of them`} failed because a system could not be reached: check the connection and run again.\n`,
    );
  }
  if (failed > 0) {
    const { items } = app.ctx.sync.store.items.list(result.runId, { status: 'failed', limit: 20, offset: 0 });
    const names = nodeNamesOf(app.ctx.sync.store.runs.flowOf(result.runId), 'en');
    for (const item of items)
      io.out(
        `  failed ${item.key} at ${nodeAt(names, item.nodeId)}: ${item.error?.message ?? item.reason ?? ''}\n`,
      );
    if (failed > items.length)
      io.out(`  … and ${failed - items.length} more (koppel runs show ${result.runId} --failed)\n`);
  }
}
