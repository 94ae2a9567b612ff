import { KoppelError } from '../../../shared/api/errors';
import { skipReason } from '../../../shared/flow/skip-reasons';
import { codeTransform } from '../../../shared/nodes/core/code';
import { runMessage } from '../../../shared/flow/run-messages';
import { permanentError } from '../../engine/errors';
import { defineExecutor, emit, skip } from '../../engine/executor';
import { CodeError, compileTransform, warmUpSandbox } from '../../sandboxed-code';

/** User JavaScript, compiled once per run into QuickJS and called per record. */
export const codeModule = defineExecutor(codeTransform, {
  category: 'transform',
  warmUp: warmUpSandbox,
  async open(ctx) {
    const { code, timeLimitMs, memoryLimitMb } = ctx.config;
    const name = `Node "${ctx.node.label ?? 'Code'}" (${ctx.node.id})`;
    let transform;
    try {
      transform = await compileTransform(code, {
        timeLimitMs,
        memoryLimitBytes: memoryLimitMb * 1024 * 1024,
      });
    } catch (error) {
      // A syntax error is a flow error: no record could pass, so the run stops before reading any.
      if (error instanceof CodeError) throw new KoppelError('invalid_flow', `${name}: ${error.message}`);
      throw error;
    }
    return {
      process(record) {
        try {
          const out = transform.run(record.data);
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
