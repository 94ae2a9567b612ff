import { ApiResult, KoppelError } from './errors';
import { apiCalls, callNames, splitCallName, type CallName, type KoppelApi } from './contract';
import { apiEvents, type EventName, type EventPayload } from './events';

/** A transport moves a call to main and back; adapters exist for Electron IPC and the WebSocket. */
export interface ApiTransport {
  call(name: CallName, input: unknown): Promise<ApiResult>;
  subscribe(stream: EventName, listener: (payload: unknown) => void): () => void;
}

export interface ApiClient {
  api: KoppelApi;
  /** Listens to an event stream; returns the unsubscribe function. */
  on<E extends EventName>(stream: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Builds the typed client over a transport: outputs and event payloads are parsed with the contract. */
export function createApiClient(transport: ApiTransport): ApiClient {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of callNames) {
    const [domain, verb] = splitCallName(name);
    const methods = (api[domain] ??= {});
    methods[verb] = async (input: unknown) => {
      const result = ApiResult.parse(await transport.call(name, input ?? {}));
      if (!result.ok) throw KoppelError.fromApiError(result.error);
      return apiCalls[name].output.parse(result.output);
    };
  }
  return {
    // The loop above creates exactly one method per call of the contract, so the shape matches.
    api: api as unknown as KoppelApi,
    on(stream, listener) {
      return transport.subscribe(stream, (payload) => {
        const parsed = apiEvents[stream].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof stream>);
      });
    },
  };
}
