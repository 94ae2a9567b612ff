import { apiMessage } from '../../../shared/api/api-messages';
import type { ApiTransport } from '../../../shared/api/client';
import { KoppelError, type ApiResult } from '../../../shared/api/errors';
import type { EventName } from '../../../shared/api/events';

type ServerMessage =
  | { t: 'result'; id: number; result: ApiResult }
  | { t: 'event'; stream: EventName; payload: unknown }
  | { t: 'error'; error: { code: string; message: string } };

const TOKEN_KEY = 'koppel.sessionToken';

/**
 * The session token comes in the URL the web host prints. It is kept for this tab in
 * sessionStorage and removed from the address bar, so it is not bookmarked or shared by accident.
 */
export function takeSessionToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Transport over the web host's WebSocket; reconnects after a drop and fails calls in flight. */
export function websocketTransport(token: string): ApiTransport {
  const pending = new Map<number, (result: ApiResult) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const ws = new WebSocket(
        `${protocol}://${window.location.host}/api?token=${encodeURIComponent(token)}`,
      );
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new KoppelError('unavailable', apiMessage('hostUnreachable')));
      ws.onclose = () => {
        socket = null;
        opened = null;
        const lost = new KoppelError('unavailable', apiMessage('hostConnectionLost')).toApiError();
        for (const [id, settle] of pending) {
          settle({ ok: false, error: lost });
          pending.delete(id);
        }
        // Reconnect so event streams resume without a reload.
        setTimeout(() => void connect().catch(() => undefined), 1000);
      };
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as ServerMessage;
        if (data.t === 'result') {
          pending.get(data.id)?.(data.result);
          pending.delete(data.id);
        } else if (data.t === 'event') {
          listeners.get(data.stream)?.forEach((listener) => listener(data.payload));
        }
      };
    });
    return opened;
  };

  return {
    async call(name, input) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise<ApiResult>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ t: 'call', id, name, input }));
      });
    },
    subscribe(stream, listener) {
      void connect().catch(() => undefined);
      let set = listeners.get(stream);
      if (!set) listeners.set(stream, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
