import { KoppelError } from '../../../shared/api/errors';
import type { JsonObject, JsonValue } from '../../../shared/flow/json';
import { getPath, setPath } from '../../../shared/flow/record-path';
import { mapTransform, type MapField } from '../../../shared/nodes/core/map';
import { runMessage } from '../../../shared/flow/run-messages';
import { permanentError } from '../../engine/errors';
import { defineExecutor, emit, type FlowRecord } from '../../engine/executor';
import { CodeError, compileExpressions, warmUpSandbox, type CompiledExpressions } from '../../sandboxed-code';
import { codeInvalid } from './code';
import { lookupValue } from './lookup-table';

/** Limits for field-mapper expressions (the code node has its own, configurable ones). */
const expressionLimits = { timeLimitMs: 1000, memoryLimitBytes: 32 * 1024 * 1024 };

/**
 * The field mapper: builds a new record field by field. Expressions are compiled into the sandbox
 * once per run; a syntax error stops the run before any record is touched (it is a flow error).
 */
export const mapModule = defineExecutor(mapTransform, {
  category: 'transform',
  // Expression fields run in QuickJS.
  warmUp: warmUpSandbox,
  async open(ctx) {
    const { fields, keepUnmapped } = ctx.config;
    const expressionFields = fields.filter((entry) => entry.source.kind === 'expression');
    let compiled: CompiledExpressions | undefined;
    if (expressionFields.length > 0) {
      try {
        compiled = await compileExpressions(
          expressionFields.map((entry) =>
            entry.source.kind === 'expression' ? entry.source.expression : '',
          ),
          expressionLimits,
        );
      } catch (error) {
        if (!(error instanceof CodeError)) throw error;
        throw new KoppelError('invalid_flow', codeInvalid(ctx.node, error, mapTransform.label));
      }
    }
    const expressionIndex = new Map(expressionFields.map((entry, index) => [entry, index]));
    const createOnly = fields.filter((entry) => entry.onCreateOnly).map((entry) => entry.target);
    /** A field's value; an expression's comes from `evaluated` (settled beforehand, see below). */
    const valueOf = (
      entry: MapField,
      data: JsonObject,
      evaluated: readonly PromiseSettledResult<JsonValue>[],
    ): JsonValue | undefined => {
      const source = entry.source;
      switch (source.kind) {
        case 'path':
          return getPath(data, source.path);
        case 'constant':
          return source.value;
        case 'lookup':
          return lookupValue(source.path, getPath(data, source.path), source.table, {
            default: source.default,
            failIfMissing: source.failIfMissing,
            caseSensitive: true,
            target: entry.target,
          });
        case 'expression': {
          const outcome = evaluated[expressionIndex.get(entry) ?? -1];
          if (!outcome) return null;
          if (outcome.status === 'fulfilled') return outcome.value;
          const error: unknown = outcome.reason;
          if (!(error instanceof CodeError)) throw error;
          throw permanentError(runMessage('expressionFailed', { ...error.problem, field: entry.target }), {
            code: 'expression_error',
            field: entry.target,
          });
        }
      }
    };
    const mapped = (record: FlowRecord, evaluated: readonly PromiseSettledResult<JsonValue>[]) => {
      const out: JsonObject = keepUnmapped ? structuredClone(record.data) : {};
      // Field by field, so the first field in the list that fails is the one reported.
      for (const entry of fields) {
        const value = valueOf(entry, record.data, evaluated);
        if (value !== undefined) setPath(out, entry.target, value);
      }
      const inherited = keepUnmapped ? record.createOnly : [];
      return emit({ data: out, createOnly: [...new Set([...inherited, ...createOnly])] });
    };
    return {
      process(record) {
        if (!compiled) return mapped(record, []);
        // Expressions run on the sandbox thread: all of a record's go there together.
        const expressions = compiled;
        return Promise.allSettled(
          expressionFields.map((_entry, index) => expressions.evaluate(index, record.data)),
        ).then((evaluated) => mapped(record, evaluated));
      },
      close: () => compiled?.dispose(),
    };
  },
});
