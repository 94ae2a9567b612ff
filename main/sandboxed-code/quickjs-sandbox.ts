import { runMessage } from '../../shared/flow/run-messages';
import { CodeError, type CodeErrorKind } from './code-error';
import {
  OUT_OF_MEMORY,
  sandboxThread,
  STACK_OVERFLOW,
  type DumpedError,
  type SandboxThread,
} from './sandbox-thread';

export interface SandboxLimits {
  /** Per call. */
  timeLimitMs: number;
  memoryLimitBytes: number;
  /**
   * QuickJS's own stack. Above ~256 KiB deep recursion overflows the host's stack instead and
   * kills the thread, so it is capped there (see stack-findings.md).
   */
  maxStackBytes?: number;
}

export const MAX_STACK_BYTES = 256 * 1024;

/** One user function compiled into its own QuickJS runtime (own memory limit, no host APIs at all). */
export interface SandboxUnit {
  /** Source of the whole script; the user's code starts on line `lineOffset + 1`. */
  readonly script: string;
  readonly lineOffset: number;
  readonly userLines: number;
  /** Global function names the script defines, called by {@link Sandbox.call}. */
  readonly entryPoints: readonly string[];
}

/**
 * A compiled script in a QuickJS runtime with time, memory and stack limits, on the sandbox
 * thread (sandbox-thread.ts). Calls pass JSON text in and get JSON text out, so no host object
 * ever reaches user code. After a memory or stack overflow the thread rebuilds the runtime before
 * the next call; should the thread stop, the next call compiles the script again on a new one.
 */
export class Sandbox {
  /** A compile on a new thread under way (after the old one stopped), shared by the calls waiting. */
  private reopening: Promise<void> | undefined;

  private constructor(
    private thread: SandboxThread,
    private id: number,
    private readonly unit: SandboxUnit,
    private readonly limits: SandboxLimits,
  ) {}

  /** Compiles the unit; throws {@link CodeError} (kind `syntax`) with the user's line and column. */
  static async create(unit: SandboxUnit, limits: SandboxLimits): Promise<Sandbox> {
    const { thread, id } = await open(unit, limits);
    return new Sandbox(thread, id, unit, limits);
  }

  /** Calls an entry point with a JSON argument; resolves with the JSON text it produced. */
  async call(entryPoint: string, argumentJson: string): Promise<string> {
    const entry = this.unit.entryPoints.indexOf(entryPoint);
    if (entry < 0) throw new Error(`No entry point ${entryPoint} in the sandbox.`);
    if (this.thread.failed) await this.reopen();
    const answer = await this.thread.call(this.id, entry, argumentJson);
    if (answer.text !== undefined) return answer.text;
    // After a memory or stack overflow the thread has already rebuilt the runtime.
    throw toCodeError(answer.error, this.unit, this.limits);
  }

  dispose(): void {
    this.thread.close(this.id);
  }

  private reopen(): Promise<void> {
    this.reopening ??= open(this.unit, this.limits)
      .then(({ thread, id }) => {
        this.thread = thread;
        this.id = id;
      })
      .finally(() => (this.reopening = undefined));
    return this.reopening;
  }
}

async function open(
  unit: SandboxUnit,
  limits: SandboxLimits,
): Promise<{ thread: SandboxThread; id: number }> {
  const thread = sandboxThread();
  const { id, error } = await thread.open(unit.script, unit.entryPoints, {
    timeLimitMs: limits.timeLimitMs,
    memoryLimitBytes: limits.memoryLimitBytes,
    maxStackBytes: Math.min(limits.maxStackBytes ?? MAX_STACK_BYTES, MAX_STACK_BYTES),
  });
  if (error !== null) throw toCodeError(error, unit, limits);
  return { thread, id };
}

function toCodeError(dumped: DumpedError, unit: SandboxUnit, limits: SandboxLimits): CodeError {
  const error: Record<string, unknown> = isRecord(dumped) ? dumped : {};
  const name = typeof error.name === 'string' ? error.name : 'Error';
  const message = typeof error.message === 'string' ? error.message : String(dumped);
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const kind: CodeErrorKind =
    name === 'SyntaxError'
      ? 'syntax'
      : message === 'interrupted'
        ? 'timeout'
        : message === OUT_OF_MEMORY
          ? 'memory'
          : message === STACK_OVERFLOW
            ? 'stack'
            : 'runtime';
  if (kind === 'timeout') return new CodeError(kind, runMessage('codeTimedOut', { ms: limits.timeLimitMs }));
  if (kind === 'memory') {
    return new CodeError(
      kind,
      runMessage('codeOutOfMemory', { mb: Math.round(limits.memoryLimitBytes / 1048576) }),
    );
  }
  const position = userPosition(
    unit,
    stack,
    typeof error.lineNumber === 'number' ? error.lineNumber : undefined,
  );
  // `throw new Error("…")` is the user's own message: shown as written. Built-in errors keep
  // their name (TypeError: cannot read property …), which says what kind of mistake it was.
  const text =
    kind === 'stack'
      ? runMessage('codeStackOverflow')
      : runMessage('codeJsError', { detail: name === 'Error' ? message : `${name}: ${message}` });
  return new CodeError(kind, text, position?.line, position?.column);
}

/** The first stack position inside the user's code, translated to the user's line numbers. */
function userPosition(
  unit: SandboxUnit,
  stack: string,
  lineNumber: number | undefined,
): { line: number; column?: number } | undefined {
  const first = unit.lineOffset + 1;
  const last = unit.lineOffset + unit.userLines;
  for (const match of stack.matchAll(/code\.js:(\d+):(\d+)/g)) {
    const line = Number(match[1]);
    if (line >= first && line <= last) return { line: line - unit.lineOffset, column: Number(match[2]) };
  }
  if (lineNumber !== undefined && lineNumber >= first && lineNumber <= last)
    return { line: lineNumber - unit.lineOffset };
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
