import { apiMessage } from '../../../shared/api/api-messages';
import { createApiClient, type ApiClient } from '../../../shared/api/client';
import { KoppelError } from '../../../shared/api/errors';
import { electronTransport } from './transport-electron';
import { takeSessionToken, websocketTransport } from './transport-ws';

/** Picks the transport for this host: the preload bridge on the desktop, the WebSocket in a browser. */
export function connectApi(): ApiClient {
  if (window.koppel) return createApiClient(electronTransport(window.koppel));
  const token = takeSessionToken();
  if (!token) throw new KoppelError('forbidden', apiMessage('sessionTokenMissing'));
  return createApiClient(websocketTransport(token));
}
