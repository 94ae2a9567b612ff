import type { EditorCodeTest } from '../../shared/api/calls/editor';
import type { JsonObject } from '../../shared/flow/json';
import { CodeError, compileTransform } from '../sandboxed-code';

/** Runs code-node JavaScript on one record in the sandbox (a fresh sandbox each time). */
export async function testCode(
  code: string,
  record: JsonObject,
  limits: { timeLimitMs: number; memoryLimitMb: number },
): Promise<EditorCodeTest> {
  const started = Date.now();
  let transform;
  try {
    transform = await compileTransform(code, {
      timeLimitMs: limits.timeLimitMs,
      memoryLimitBytes: limits.memoryLimitMb * 1024 * 1024,
    });
    const output = await transform.run(record);
    return { ok: true, output, durationMs: Date.now() - started };
  } catch (error) {
    if (!(error instanceof CodeError)) throw error;
    return {
      ok: false,
      error: {
        kind: error.kind,
        message: error.detail,
        ...(error.text === undefined ? {} : { text: error.text }),
        ...(error.line === undefined ? {} : { line: error.line }),
        ...(error.column === undefined ? {} : { column: error.column }),
      },
    };
  } finally {
    transform?.dispose();
  }
}
