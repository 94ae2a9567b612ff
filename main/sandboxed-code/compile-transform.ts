import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/flow/json';
import { runMessage } from '../../shared/flow/run-messages';
import { SCRIPT_ENTRY_POINT, wrapScript } from '../../shared/nodes/scripts';
import { CodeError } from './code-error';
import { Sandbox, type SandboxLimits } from './quickjs-sandbox';

/** User code compiled once per run and called once per record. */
export interface CompiledTransform {
  /** The new record, or null when the code returned null (skip it). Rejects with {@link CodeError}. */
  run(record: JsonObject): Promise<JsonObject | null>;
  dispose(): void;
}

/**
 * Compiles the body of a code node: a function of `record` that returns the new record (or
 * null). It runs in QuickJS: no require, process, fetch, timers or files; a time limit per record,
 * a memory limit and a capped stack. Errors carry the line and column in the user's code.
 */
export async function compileTransform(code: string, limits: SandboxLimits): Promise<CompiledTransform> {
  const sandbox = await Sandbox.create(wrapScript('body', code), limits);
  return {
    async run(record) {
      const text = await sandbox.call(SCRIPT_ENTRY_POINT, JSON.stringify(record));
      const value = text === '' ? undefined : (JSON.parse(text) as JsonValue);
      if (value === null) return null;
      if (value === undefined) {
        throw new CodeError('output', runMessage('codeReturnedNothing'));
      }
      if (!isJsonObject(value)) {
        throw new CodeError('output', runMessage('codeReturnedNonObject', { what: typeName(value) }));
      }
      return value;
    },
    dispose: () => sandbox.dispose(),
  };
}

let warmedUp: Promise<void> | undefined;

/**
 * Calls the warm-up makes. V8 compiles QuickJS's wasm lazily with its baseline compiler and
 * optimises a function only once it has run enough: a fresh process spent ~290 µs on each of its
 * first 100 calls and ~80 µs on the next 1,000, against ~17 µs once hot (the first 10,000 records
 * of a code node took ~290 ms instead of ~170). 2,000 calls measured best of 1 to 4,000 with
 * bench/engine.ts; the optimised wasm serves every sandbox of the thread.
 */
export const WARM_UP_CALLS = 2000;
/** Calls sent to the sandbox thread together. */
const WARM_UP_SLICE = 50;

/** What the warm-up runs: the everyday work of a transform (JSON in and out, spreads, strings, numbers, arrays). */
const WARM_UP_CODE = `const lines = (record.lines || []).map((line) => ({ ...line, total: Math.round(line.quantity * line.price * 100) / 100 }));
return { ...record, email: String(record.email).trim().toLowerCase(), lines, total: lines.reduce((sum, line) => sum + line.total, 0) };`;

/**
 * Starts the sandbox thread and runs a transform through it {@link WARM_UP_CALLS} times, once per
 * process, so the first run of a code node or an expression field starts with QuickJS's wasm
 * loaded and optimised. The work is the thread's: this thread only sends the records.
 */
export function warmUpSandbox(): Promise<void> {
  warmedUp ??= compileTransform(WARM_UP_CODE, {
    timeLimitMs: 1000,
    memoryLimitBytes: 16 * 1024 * 1024,
  }).then(async (transform) => {
    try {
      for (let first = 0; first < WARM_UP_CALLS; first += WARM_UP_SLICE) {
        const slice: Promise<unknown>[] = [];
        for (let call = first; call < first + WARM_UP_SLICE; call++)
          slice.push(transform.run(warmUpRecord(call)));
        await Promise.all(slice);
      }
    } finally {
      transform.dispose();
    }
  });
  return warmedUp;
}

function warmUpRecord(n: number): JsonObject {
  return {
    id: `warm-${n}`,
    number: `ORD-${100000 + n}`,
    email: ` Customer${n}@Example.com `,
    amount: (n % 250) + 0.5,
    country: n % 2 === 0 ? 'NL' : 'BE',
    lines: [
      { sku: String(400000 + (n % 900)), quantity: 1 + (n % 4), price: 9.95 },
      { sku: String(400001 + (n % 900)), quantity: 2, price: 4.5 },
    ],
  };
}

/** Several expressions over `record` (the field mapper's expression fields), compiled together. */
export interface CompiledExpressions {
  /** The value of expression `index`. Rejects with {@link CodeError} naming the expression's error. */
  evaluate(index: number, record: JsonObject): Promise<JsonValue>;
  dispose(): void;
}

/** Compiles expressions like `record.first + ' ' + record.last`; a syntax error names its expression. */
export async function compileExpressions(
  expressions: readonly string[],
  limits: SandboxLimits,
): Promise<CompiledExpressions> {
  const sandboxes: Sandbox[] = [];
  try {
    for (const expression of expressions) {
      sandboxes.push(await Sandbox.create(wrapScript('expression', expression), limits));
    }
  } catch (error) {
    for (const sandbox of sandboxes) sandbox.dispose();
    throw error instanceof CodeError ? error.inExpression(sandboxes.length + 1) : error;
  }
  return {
    async evaluate(index, record) {
      const sandbox = sandboxes[index];
      if (!sandbox) throw new Error(`No expression ${index}.`);
      const parsed: unknown = JSON.parse(await sandbox.call(SCRIPT_ENTRY_POINT, JSON.stringify(record)));
      const value = isJsonObject(parsed) ? parsed.value : undefined;
      return value === undefined ? null : value;
    },
    dispose: () => sandboxes.forEach((sandbox) => sandbox.dispose()),
  };
}

/** `array`, `null`, or JavaScript's `typeof`. */
function typeName(value: JsonValue): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}
