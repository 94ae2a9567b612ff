/**
 * JavaScript that users write into nodes (a code node's body, a mapped field's expression): how
 * the sandbox wraps it, and its syntax check. One wrapper for both, so the editor, `koppel flows
 * validate` and the sandbox agree on what is a syntax error and on which line.
 */

/** A function body of `record` (the code node) or one expression over `record` (the field mapper). */
export type ScriptForm = 'body' | 'expression';

/** A script a node's config holds, for the syntax check: where it is and what it is. */
export interface NodeScript {
  /** The config path (`code`, `fields.2.source.expression`). */
  field: string;
  source: string;
  form: ScriptForm;
}

/** The whole script the sandbox compiles, and how many of its lines come before the user's first. */
export interface WrappedScript {
  script: string;
  lineOffset: number;
  userLines: number;
  /** The global functions the host calls: {@link SCRIPT_ENTRY_POINT}. */
  entryPoints: readonly string[];
}

/** The global function of a wrapped script that the host calls with a record as JSON text. */
export const SCRIPT_ENTRY_POINT = '__koppelRun';

/**
 * The sandbox's script for user source. A body's entry point answers '' when the code returned
 * nothing (JSON has no text for undefined) and a bare JSON value otherwise; an expression's answers
 * `{"value":…}`.
 */
export function wrapScript(form: ScriptForm, source: string): WrappedScript {
  const userLines = source.split('\n').length;
  if (form === 'body') {
    return {
      script: `"use strict"; function __koppelTransform(record) {\n${source}\n}\nglobalThis.${SCRIPT_ENTRY_POINT} = function (json) { const value = JSON.stringify(__koppelTransform(JSON.parse(json))); return value === undefined ? '' : value; };`,
      lineOffset: 1,
      userLines,
      entryPoints: [SCRIPT_ENTRY_POINT],
    };
  }
  return {
    script: `"use strict"; function __koppelExpression(record) { return (\n${source}\n); }\nglobalThis.${SCRIPT_ENTRY_POINT} = function (json) { return JSON.stringify({ value: __koppelExpression(JSON.parse(json)) }); };`,
    lineOffset: 1,
    userLines,
    entryPoints: [SCRIPT_ENTRY_POINT],
  };
}

/** A syntax error in the user's lines (1-based); the column when the error is on one of them. */
export interface ScriptSyntaxError {
  line: number;
  column?: number;
  /**
   * Found after the user's last line, in the wrapper: a bracket, brace or quote the code opens is
   * not closed (or one is closed too often). The parser's words ("Unexpected token") do not say so.
   */
  atEnd?: true;
  /** The parser's words, in English. */
  message: string;
}

/**
 * The parser (acorn's `parse`, passed in: `shared/` imports only zod). It throws a SyntaxError
 * carrying `loc` ({ line, column: 0-based }).
 */
export interface ScriptParser {
  parse(input: string, options: { ecmaVersion: 'latest'; sourceType: 'script' }): unknown;
}

/** The first syntax error of user source as the sandbox would wrap it, or undefined. */
export function scriptSyntaxError(
  parser: ScriptParser,
  form: ScriptForm,
  source: string,
): ScriptSyntaxError | undefined {
  const wrapped = wrapScript(form, source);
  try {
    parser.parse(wrapped.script, { ecmaVersion: 'latest', sourceType: 'script' });
    return undefined;
  } catch (error) {
    const loc = locationOf(error);
    const raw = error instanceof Error ? error.message : String(error);
    // acorn ends its message with "(line:column)"; the problem says where in the user's lines.
    const message = raw.replace(/\s*\(\d+:\d+\)$/, '');
    if (!loc) return { line: 1, message };
    const line = loc.line - wrapped.lineOffset;
    // Past the user's last line (an unclosed brace is found in the wrapper): the last line.
    if (line > wrapped.userLines) return { line: wrapped.userLines, atEnd: true, message };
    if (line < 1) return { line: 1, message };
    return { line, column: loc.column + 1, message };
  }
}

function locationOf(error: unknown): { line: number; column: number } | undefined {
  if (typeof error !== 'object' || error === null || !('loc' in error)) return undefined;
  const loc = (error as { loc: unknown }).loc;
  if (typeof loc !== 'object' || loc === null) return undefined;
  const { line, column } = loc as { line?: unknown; column?: unknown };
  return typeof line === 'number' && typeof column === 'number' ? { line, column } : undefined;
}
