import { apiMessage } from '../../../shared/api/api-messages';
import { KoppelError } from '../../../shared/api/errors';
import { skipReason } from '../../../shared/flow/skip-reasons';
import { codeTransform } from '../../../shared/nodes/core/code';
import { runMessage, runMessageText } from '../../../shared/flow/run-messages';
import type { CodedText } from '../../../shared/flow/wording';
import type { LocalizedText } from '../../../shared/nodes/node-definition';
import { permanentError } from '../../engine/errors';
import { defineExecutor, emit, skip } from '../../engine/executor';
import { CodeError, compileTransform, warmUpSandbox } from '../../sandboxed-code';

/** User JavaScript, compiled once per run into QuickJS and called per record. */
export const codeModule = defineExecutor(codeTransform, {
  category: 'transform',
  warmUp: warmUpSandbox,
  async open(ctx) {
    const { code, timeLimitMs, memoryLimitMb } = ctx.config;
    let transform;
    try {
      transform = await compileTransform(code, {
        timeLimitMs,
        memoryLimitBytes: memoryLimitMb * 1024 * 1024,
      });
    } catch (error) {
      // A syntax error is a flow error: no record could pass, so the run stops before reading any.
      if (error instanceof CodeError) throw new KoppelError('invalid_flow', codeInvalid(ctx.node, error));
      throw error;
    }
    return {
      async process(record) {
        try {
          const out = await transform.run(record.data);
          return out === null
            ? skip(skipReason('codeReturnedNull'))
            : emit({ data: out, createOnly: record.createOnly });
        } catch (error) {
          if (!(error instanceof CodeError)) throw error;
          throw permanentError(runMessage('codeNodeFailed', error.problem), { code: `code_${error.kind}` });
        }
      },
      close: () => transform.dispose(),
    };
  },
});

/**
 * A node whose user code does not compile: its label (else its kind's, in each language) and the
 * sandbox's words for the problem in each language.
 */
export function codeInvalid(
  node: { id: string; label?: string | undefined },
  error: CodeError,
  kindLabel: LocalizedText = codeTransform.label,
): CodedText {
  const coded = runMessage('codeProblemAt', error.problem);
  return apiMessage('nodeCodeInvalid', {
    node: node.label ?? kindLabel.en,
    nodeNl: node.label ?? kindLabel.nl,
    id: node.id,
    problem: error.message,
    problemNl: runMessageText(coded, 'nl') ?? error.message,
  });
}
