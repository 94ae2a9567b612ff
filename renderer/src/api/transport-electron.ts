import type { KoppelBridge } from '../../../shared/api/bridge';
import { splitCallName } from '../../../shared/api/contract';
import type { ApiTransport } from '../../../shared/api/client';

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
      if (!method)
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown_call', message: `Unknown call ${name}` },
        });
      return method(input);
    },
    subscribe: (stream, listener) => bridge.events.subscribe(stream, listener),
  };
}
