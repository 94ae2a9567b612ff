import { createApiClient, type ApiClient, type ApiTransport } from '../../../../shared/api/client';
import type { CallName, CallOutput } from '../../../../shared/api/contract';
import { KoppelError } from '../../../../shared/api/errors';

/**
 * What a test's main answers to one call, given the input the client sent (parsed by the contract):
 * its output, or a thrown KoppelError (sent as main sends it).
 */
export type ScriptedAnswers = { [K in CallName]?: (input: unknown) => CallOutput<K> };

/**
 * A client for store and screen tests over a transport that answers as main's dispatcher does: an
 * output, or a thrown KoppelError turned into its ApiError (code, English sentence and coded text),
 * which the real client parses and throws again. Calls the test did not script fail loudly.
 */
export function scriptedClient(answers: ScriptedAnswers): ApiClient {
  const transport: ApiTransport = {
    call(name, input) {
      const answer = answers[name];
      if (!answer) return Promise.reject(new Error(`${name} is not used by this test`));
      try {
        return Promise.resolve({ ok: true, output: answer(input) });
      } catch (error) {
        if (!(error instanceof KoppelError)) return Promise.reject(error);
        return Promise.resolve({ ok: false, error: error.toApiError() });
      }
    },
    subscribe: () => () => undefined,
  };
  return createApiClient(transport);
}
