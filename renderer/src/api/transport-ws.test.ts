import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { apiMessageIn } from '../../../shared/api/api-messages';
import { koppelRejectionOf } from '../../../shared/api/testing/koppel-error-of';
import { websocketTransport } from './transport-ws';

/**
 * The transport runs in a browser. Here Node's `ws` client stands in for the browser's WebSocket
 * (the same interface) against a real server on loopback; only the page's address is set by hand.
 */
let server: WebSocketServer;
const browserGlobals = globalThis as unknown as { window?: unknown; WebSocket?: unknown };

function portOf(listening: WebSocketServer): number {
  return (listening.address() as { port: number }).port;
}

function pageAt(host: string): void {
  browserGlobals.window = { location: { protocol: 'http:', host } };
}

beforeEach(async () => {
  browserGlobals.WebSocket = NodeWebSocket;
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  pageAt(`127.0.0.1:${portOf(server)}`);
});

afterEach(async () => {
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
});

describe('the web host transport', () => {
  it('fails a call in flight with its own words when the host drops the connection', async () => {
    // The host takes the call and goes away before answering.
    server.on('connection', (socket) => socket.on('message', () => socket.close()));
    const result = await websocketTransport('token').call('flows.list', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'The connection to Koppel was lost.',
        text: { code: 'hostConnectionLost', params: {} },
      },
    });
    expect(result.ok ? '' : apiMessageIn(result.error, 'nl')).toBe('De verbinding met Koppel is verbroken.');
  });

  it('says the web host cannot be reached when nothing listens', async () => {
    const port = portOf(server);
    await new Promise((resolve) => server.close(resolve));
    server = new WebSocketServer({ noServer: true });
    pageAt(`127.0.0.1:${port}`);
    const error = await koppelRejectionOf(websocketTransport('token').call('flows.list', {}));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('Cannot reach the Koppel web host.');
    expect(apiMessageIn(error, 'nl')).toBe('De Koppel-webhost is niet bereikbaar.');
  });
});
