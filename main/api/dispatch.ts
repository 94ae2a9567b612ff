import { z } from 'zod';
import { apiCalls, isCallName } from '../../shared/api/contract';
import { describeZodIssues, KoppelError, type ApiResult } from '../../shared/api/errors';
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
      return fail('unknown_call', `Unknown call ${JSON.stringify(name)}.`);
    }
    const definition = apiCalls[name];
    const input = definition.input.safeParse(rawInput ?? {});
    if (!input.success) {
      const issues = describeZodIssues(input.error);
      const first = issues[0];
      return fail('invalid_input', `Invalid input for ${name}: ${first?.path}: ${first?.message}`, issues);
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
          `Koppel produced an invalid answer for ${name}.`,
          describeZodIssues(output.error),
        );
      }
      return { ok: true, output: output.data };
    } catch (error) {
      if (error instanceof KoppelError) return { ok: false, error: error.toApiError() };
      if (error instanceof z.ZodError) {
        return fail('invalid_input', `Invalid data in ${name}.`, describeZodIssues(error));
      }
      logger.error(`Call ${name} failed`, { error: error instanceof Error ? error.stack : String(error) });
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  };
}

function fail(code: KoppelError['code'], message: string, detail?: unknown): ApiResult {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}
