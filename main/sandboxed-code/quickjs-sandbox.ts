import {
  getQuickJS,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';
import { runMessage } from '../../shared/flow/run-messages';
import { CodeError, type CodeErrorKind } from './code-error';

export interface SandboxLimits {
  /** Per call. */
  timeLimitMs: number;
  memoryLimitBytes: number;
  /**
   * QuickJS's own stack. Above ~256 KiB deep recursion overflows Node's stack instead and kills
   * the process, so it is capped there (see stack-findings.md).
   */
  maxStackBytes?: number;
}

export const MAX_STACK_BYTES = 256 * 1024;
const FILE = 'code.js';

let modulePromise: Promise<QuickJSWASMModule> | undefined;
/** The QuickJS wasm module, loaded once per process. */
function quickjs(): Promise<QuickJSWASMModule> {
  modulePromise ??= getQuickJS();
  return modulePromise;
}

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
 * A compiled script in a QuickJS runtime with time, memory and stack limits. Calls pass JSON text
 * in and get JSON text out, so no host object ever reaches user code. After a memory or stack
 * overflow the runtime is rebuilt before the next call.
 */
export class Sandbox {
  private runtime: QuickJSRuntime | undefined;
  private context: QuickJSContext | undefined;
  private functions = new Map<string, QuickJSHandle>();
  /** When the current call must stop (ms); the interrupt handler is installed once and reads it. */
  private deadline = 0;

  private constructor(
    private readonly module: QuickJSWASMModule,
    private readonly unit: SandboxUnit,
    private readonly limits: SandboxLimits,
  ) {}

  /** Compiles the unit; throws {@link CodeError} (kind `syntax`) with the user's line and column. */
  static async create(unit: SandboxUnit, limits: SandboxLimits): Promise<Sandbox> {
    const sandbox = new Sandbox(await quickjs(), unit, limits);
    sandbox.build();
    return sandbox;
  }

  /** Calls an entry point with a JSON argument; returns the JSON text it produced. */
  call(entryPoint: string, argumentJson: string): string {
    if (!this.context) this.build();
    const context = this.context;
    const fn = this.functions.get(entryPoint);
    if (!context || !fn || !this.runtime) throw new Error(`No entry point ${entryPoint} in the sandbox.`);
    this.deadline = Date.now() + this.limits.timeLimitMs;
    const argument = context.newString(argumentJson);
    let failure: CodeError | undefined;
    let text = '';
    try {
      const result = context.callFunction(fn, context.undefined, argument);
      if (result.error) {
        failure = this.toCodeError(context.dump(result.error));
        result.error.dispose();
      } else {
        text = context.getString(result.value);
        result.value.dispose();
      }
    } finally {
      argument.dispose();
    }
    if (failure) {
      // The heap may be in a bad state after an overflow: start the next call from a fresh runtime.
      if (failure.kind === 'memory' || failure.kind === 'stack') this.dispose();
      throw failure;
    }
    return text;
  }

  dispose(): void {
    for (const handle of this.functions.values()) handle.dispose();
    this.functions.clear();
    this.context?.dispose();
    this.runtime?.dispose();
    this.context = undefined;
    this.runtime = undefined;
  }

  private build(): void {
    const runtime = this.module.newRuntime();
    runtime.setMemoryLimit(this.limits.memoryLimitBytes);
    runtime.setMaxStackSize(Math.min(this.limits.maxStackBytes ?? MAX_STACK_BYTES, MAX_STACK_BYTES));
    const context = runtime.newContext();
    // Installed once: setting a handler per call costs more than the call itself.
    this.deadline = Date.now() + this.limits.timeLimitMs;
    runtime.setInterruptHandler(() => Date.now() > this.deadline);
    const result = context.evalCode(this.unit.script, FILE);
    if (result.error) {
      const error = this.toCodeError(context.dump(result.error));
      result.error.dispose();
      context.dispose();
      runtime.dispose();
      throw error;
    }
    result.value.dispose();
    this.runtime = runtime;
    this.context = context;
    for (const name of this.unit.entryPoints) this.functions.set(name, context.getProp(context.global, name));
  }

  private toCodeError(dumped: unknown): CodeError {
    const error: Record<string, unknown> = isRecord(dumped) ? dumped : {};
    const name = typeof error.name === 'string' ? error.name : 'Error';
    const message = typeof error.message === 'string' ? error.message : String(dumped);
    const stack = typeof error.stack === 'string' ? error.stack : '';
    const kind: CodeErrorKind =
      name === 'SyntaxError'
        ? 'syntax'
        : message === 'interrupted'
          ? 'timeout'
          : message === 'out of memory'
            ? 'memory'
            : message === 'stack overflow'
              ? 'stack'
              : 'runtime';
    if (kind === 'timeout')
      return new CodeError(kind, runMessage('codeTimedOut', { ms: this.limits.timeLimitMs }));
    if (kind === 'memory') {
      return new CodeError(
        kind,
        runMessage('codeOutOfMemory', { mb: Math.round(this.limits.memoryLimitBytes / 1048576) }),
      );
    }
    const position = this.userPosition(
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
  private userPosition(
    stack: string,
    lineNumber: number | undefined,
  ): { line: number; column?: number } | undefined {
    const first = this.unit.lineOffset + 1;
    const last = this.unit.lineOffset + this.unit.userLines;
    for (const match of stack.matchAll(/code\.js:(\d+):(\d+)/g)) {
      const line = Number(match[1]);
      if (line >= first && line <= last)
        return { line: line - this.unit.lineOffset, column: Number(match[2]) };
    }
    if (lineNumber !== undefined && lineNumber >= first && lineNumber <= last)
      return { line: lineNumber - this.unit.lineOffset };
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
