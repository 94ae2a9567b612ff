import { z } from 'zod';
import { apiCalls, isCallName } from '../../shared/api/contract';
import { apiMessage } from '../../shared/api/api-messages';
import { describeZodIssues, KoppelError, type ApiResult } from '../../shared/api/errors';
import { issueWords } from '../../shared/flow/issue-words';
import type { CodedText } from '../../shared/flow/wording';
import type { Logger } from '../app/logger';
import type { Handlers } from './handlers';

export type Dispatch = (name: unknown, input: unknown) => Promise<ApiResult>;

/**
 * The one place a call is checked: the name must be in the contract, the input must parse, and so
 * must the output (a handler answering outside the contract is a bug, reported as such).
 * Every failure becomes `{code, message, detail?}`.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (name, rawInput) => {
    if (!isCallName(name)) {
      return fail('unknown_call', apiMessage('unknownCall', { name: JSON.stringify(name) ?? String(name) }));
    }
    const definition = apiCalls[name];
    // `reportInput` so a wrong type's words name the type received (see issueWords).
    const input = definition.input.safeParse(rawInput ?? {}, { reportInput: true });
    if (!input.success) {
      const issues = describeZodIssues(input.error);
      const first = input.error.issues[0];
      return fail(
        'invalid_input',
        apiMessage('invalidCallInput', {
          name,
          path: issues[0]?.path ?? '(root)',
          ...(first ? issueWords(first) : { issue: 'not valid', issueNl: 'niet geldig' }),
        }),
        issues,
      );
    }
    try {
      // The handler table is keyed by the same name the schema was looked up with.
      const handler = handlers[name] as (input: unknown) => unknown;
      const output = definition.output.safeParse(await handler(input.data));
      if (!output.success) {
        logger.error(`Handler for ${name} answered outside the contract`, {
          issues: describeZodIssues(output.error),
        });
        return fail(
          'invalid_output',
          apiMessage('invalidCallOutput', { name }),
          describeZodIssues(output.error),
        );
      }
      return { ok: true, output: output.data };
    } catch (error) {
      if (error instanceof KoppelError) return { ok: false, error: error.toApiError() };
      if (error instanceof z.ZodError) {
        return fail('invalid_input', apiMessage('invalidCallData', { name }), describeZodIssues(error));
      }
      logger.error(`Call ${name} failed`, { error: error instanceof Error ? error.stack : String(error) });
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  };
}

function fail(code: KoppelError['code'], message: string | CodedText, detail?: unknown): ApiResult {
  return { ok: false, error: new KoppelError(code, message, detail).toApiError() };
}
