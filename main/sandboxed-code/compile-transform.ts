import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/flow/json';
import { CodeError } from './code-error';
import { Sandbox, type SandboxLimits } from './quickjs-sandbox';

/** User code compiled once per run and called once per record. */
export interface CompiledTransform {
  /** The new record, or null when the code returned null (skip it). Throws {@link CodeError}. */
  run(record: JsonObject): JsonObject | null;
  dispose(): void;
}

/**
 * Compiles the body of a code node: a function of `record` that returns the new record (or
 * null). It runs in QuickJS: no require, process, fetch, timers or files; a time limit per record,
 * a memory limit and a capped stack. Errors carry the line and column in the user's code.
 */
export async function compileTransform(code: string, limits: SandboxLimits): Promise<CompiledTransform> {
  const sandbox = await Sandbox.create(
    {
      // Line 1 is the wrapper, so the user's line N is line N + 1 of the script.
      // '' when the code returned nothing (JSON has no text for undefined); a bare JSON value
      // otherwise, so nothing wraps it on either side.
      script: `"use strict"; function __koppelTransform(record) {\n${code}\n}\nglobalThis.__koppelRun = function (json) { const value = JSON.stringify(__koppelTransform(JSON.parse(json))); return value === undefined ? '' : value; };`,
      lineOffset: 1,
      userLines: code.split('\n').length,
      entryPoints: ['__koppelRun'],
    },
    limits,
  );
  return {
    run(record) {
      const text = sandbox.call('__koppelRun', JSON.stringify(record));
      const value = text === '' ? undefined : (JSON.parse(text) as JsonValue);
      if (value === null) return null;
      if (value === undefined) {
        throw new CodeError(
          'output',
          'The code returned nothing: end with `return record;` (or `return null;` to skip the record).',
        );
      }
      if (!isJsonObject(value)) {
        throw new CodeError('output', `The code must return an object (or null), not ${describe(value)}.`);
      }
      return value;
    },
    dispose: () => sandbox.dispose(),
  };
}

let warmedUp: Promise<void> | undefined;
/**
 * Loads QuickJS and runs one transform through it, once per process: the wasm module's load and
 * its functions' first compilation (V8 compiles wasm lazily) cost a first run ~100 ms otherwise.
 */
export function warmUpSandbox(): Promise<void> {
  warmedUp ??= compileTransform('return { ...record, warm: true };', {
    timeLimitMs: 1000,
    memoryLimitBytes: 16 * 1024 * 1024,
  }).then((transform) => {
    try {
      transform.run({ n: 1 });
    } finally {
      transform.dispose();
    }
  });
  return warmedUp;
}

/** Several expressions over `record` (the field mapper's expression fields), compiled together. */
export interface CompiledExpressions {
  /** The value of expression `index`. Throws {@link CodeError} naming the expression's error. */
  evaluate(index: number, record: JsonObject): JsonValue;
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
      sandboxes.push(
        await Sandbox.create(
          {
            script: `"use strict"; function __koppelExpression(record) { return (\n${expression}\n); }\nglobalThis.__koppelRun = function (json) { return JSON.stringify({ value: __koppelExpression(JSON.parse(json)) }); };`,
            lineOffset: 1,
            userLines: expression.split('\n').length,
            entryPoints: ['__koppelRun'],
          },
          limits,
        ),
      );
    }
  } catch (error) {
    for (const sandbox of sandboxes) sandbox.dispose();
    throw error instanceof CodeError
      ? new CodeError(
          error.kind,
          `Expression ${sandboxes.length + 1}: ${error.detail}`,
          error.line,
          error.column,
        )
      : error;
  }
  return {
    evaluate(index, record) {
      const sandbox = sandboxes[index];
      if (!sandbox) throw new Error(`No expression ${index}.`);
      const parsed: unknown = JSON.parse(sandbox.call('__koppelRun', JSON.stringify(record)));
      const value = isJsonObject(parsed) ? parsed.value : undefined;
      return value === undefined ? null : value;
    },
    dispose: () => sandboxes.forEach((sandbox) => sandbox.dispose()),
  };
}

function describe(value: JsonValue): string {
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `a ${typeof value}`;
}
