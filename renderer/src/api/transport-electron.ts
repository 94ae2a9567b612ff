import { apiMessage } from '../../../shared/api/api-messages';
import type { KoppelBridge } from '../../../shared/api/bridge';
import { splitCallName } from '../../../shared/api/contract';
import type { ApiTransport } from '../../../shared/api/client';
import { KoppelError } from '../../../shared/api/errors';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the web host. */
    koppel?: KoppelBridge;
  }
}

/** Transport over the preload's `window.koppel` bridge (desktop). */
export function electronTransport(bridge: KoppelBridge): ApiTransport {
  return {
    call(name, input) {
      const [domain, verb] = splitCallName(name);
      const methods = bridge[domain as keyof KoppelBridge] as Record<
        string,
        (input: unknown) => ReturnType<ApiTransport['call']>
      >;
      const method = methods[verb];
      // A preload older than this page (it has no such method): the dispatcher's own words.
      if (!method)
        return Promise.resolve({
          ok: false,
          error: new KoppelError('unknown_call', apiMessage('unknownCall', { name })).toApiError(),
        });
      return method(input);
    },
    subscribe: (stream, listener) => bridge.events.subscribe(stream, listener),
  };
}
