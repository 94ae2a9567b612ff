import { apiMessage } from '../../../shared/api/api-messages';
import type { ApiTransport, HostStatus } from '../../../shared/api/client';
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

/** Waits between attempts to reach a host that does not answer: soon at first, then every 5 s. */
const RETRY_DELAYS_MS = [500, 1000, 2000, 5000];

/**
 * Transport over the web host's WebSocket. After a drop it fails the calls in flight, then asks
 * the host over HTTP whether this page's token still opens it: it reconnects (event streams
 * resume) when it does, keeps trying while the host does not answer (`lost`), and stops once the
 * host refuses the token (`expired`: the host was started again, with a new one).
 */
export function websocketTransport(token: string): ApiTransport {
  const pending = new Map<number, (result: ApiResult) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(status: HostStatus) => void>();
  let status: HostStatus = 'connected';
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const origin = () => `${window.location.protocol}//${window.location.host}`;
  const setStatus = (next: HostStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  /** The host's word on this token: it opens it, it refuses it, or no answer at all. */
  const askHost = async (): Promise<'open' | 'refused' | 'silent'> => {
    try {
      const answer = await fetch(`${origin()}/api/session?token=${encodeURIComponent(token)}`, {
        cache: 'no-store',
      });
      return answer.status === 204 ? 'open' : answer.status === 401 ? 'refused' : 'silent';
    } catch {
      return 'silent';
    }
  };

  const retry = () => {
    if (retryTimer || status === 'expired') return;
    const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)] ?? 5000;
    retries += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void askHost().then((word) => {
        if (word === 'refused') return setStatus('expired');
        if (word === 'silent') {
          setStatus('lost');
          return retry();
        }
        // Reconnected: `connect` sets the status; a socket refused anyway tries again later.
        void connect().catch(() => undefined);
      });
    }, delay);
  };

  const connect = (): Promise<WebSocket> => {
    if (status === 'expired')
      return Promise.reject(new KoppelError('unavailable', apiMessage('hostTokenExpired')));
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const ws = new WebSocket(
        `${protocol}://${window.location.host}/api?token=${encodeURIComponent(token)}`,
      );
      ws.onopen = () => {
        socket = ws;
        retries = 0;
        setStatus('connected');
        resolve(ws);
      };
      // A socket refused: the host is down, or it was started again and refuses this token (a
      // page opened from an old address or kept open across a restart). The host tells which.
      ws.onerror = () =>
        void askHost().then((word) => {
          if (word === 'refused') setStatus('expired');
          reject(
            new KoppelError(
              'unavailable',
              apiMessage(word === 'refused' ? 'hostTokenExpired' : 'hostUnreachable'),
            ),
          );
        });
      ws.onclose = () => {
        socket = null;
        opened = null;
        const lost = new KoppelError('unavailable', apiMessage('hostConnectionLost')).toApiError();
        for (const [id, settle] of pending) {
          settle({ ok: false, error: lost });
          pending.delete(id);
        }
        // Reconnect so event streams resume without a reload, once the host says it can.
        retry();
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
    onStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
  };
}
