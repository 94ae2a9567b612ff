import { ApiResult, KoppelError } from './errors';
import { apiCalls, callNames, splitCallName, type CallName, type KoppelApi } from './contract';
import { apiEvents, type EventName, type EventPayload } from './events';

/** A transport moves a call to main and back; adapters exist for Electron IPC and the WebSocket. */
/**
 * Whether the app can reach what runs it: `lost` while the web host does not answer (it retries),
 * `expired` once the host answers but refuses this page's session token (it was restarted with a
 * new one: only the address it printed opens it again).
 */
export type HostStatus = 'connected' | 'lost' | 'expired';

export interface ApiTransport {
  call(name: CallName, input: unknown): Promise<ApiResult>;
  subscribe(stream: EventName, listener: (payload: unknown) => void): () => void;
  /** Changes of the host's reachability; a transport that cannot lose its host (IPC) has none. */
  onStatus?(listener: (status: HostStatus) => void): () => void;
}

export interface ApiClient {
  api: KoppelApi;
  /** Listens to an event stream; returns the unsubscribe function. */
  on<E extends EventName>(stream: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Listens to changes of the host's reachability; returns the unsubscribe function. */
  onHostStatus(listener: (status: HostStatus) => void): () => void;
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
    onHostStatus(listener) {
      return transport.onStatus?.(listener) ?? (() => undefined);
    },
  };
}
