// The transport's tests run in Node, against a real HTTP and WebSocket server on loopback.
// eslint-disable-next-line no-restricted-imports
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { apiMessageIn } from '../../../shared/api/api-messages';
import { koppelRejectionOf } from '../../../shared/api/testing/koppel-error-of';
import type { HostStatus } from '../../../shared/api/client';
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

  it('says the host is lost while it does not answer, and reconnects when it is back', async () => {
    const first = await webHost(0, 'secret');
    pageAt(`127.0.0.1:${first.port}`);
    const transport = websocketTransport('secret');
    const statuses: HostStatus[] = [];
    transport.onStatus?.((status) => statuses.push(status));
    const events: unknown[] = [];
    transport.subscribe('runs.events', (payload) => events.push(payload));
    expect(await transport.call('flows.list', {})).toEqual({ ok: true, output: { flows: [] } });

    await first.close();
    await expect.poll(() => statuses, { timeout: 5000 }).toEqual(['lost']);
    // Still nothing listens: calls fail, the status stays.
    expect((await koppelRejectionOf(transport.call('flows.list', {}))).message).toBe(
      'Cannot reach the Koppel web host.',
    );

    // The host is back on its port with the same token: connected again, its events reach the page.
    const again = await webHost(first.port, 'secret');
    await expect.poll(() => statuses, { timeout: 10_000 }).toEqual(['lost', 'connected']);
    expect(await transport.call('flows.list', {})).toEqual({ ok: true, output: { flows: [] } });
    again.push('runs.events', { seq: 1 });
    await expect.poll(() => events).toEqual([{ seq: 1 }]);
    await again.close();
  });

  it('stops trying once the host refuses its token (started again with a new one), and says so', async () => {
    const first = await webHost(0, 'old-token');
    pageAt(`127.0.0.1:${first.port}`);
    const transport = websocketTransport('old-token');
    const statuses: HostStatus[] = [];
    transport.onStatus?.((status) => statuses.push(status));
    expect((await transport.call('flows.list', {})).ok).toBe(true);

    await first.close();
    const restarted = await webHost(first.port, 'a-new-token');
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('expired');
    const error = await koppelRejectionOf(transport.call('flows.list', {}));
    expect(error.message).toBe(
      'Koppel’s web host was restarted and no longer knows this page: open the address it printed when it started (it ends in ?token=…).',
    );
    expect(apiMessageIn(error, 'nl')).toMatch(/^De Koppel-webhost is opnieuw gestart/);
    // It asked once and stopped: no socket was opened with the old token since.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(restarted.sessionChecks.filter((asked) => asked === 'old-token')).toHaveLength(1);
    expect(restarted.upgrades).not.toContain('old-token');
    await restarted.close();
  });
});

describe('a page opened with the token of an earlier start', () => {
  it('says the host was started again, not that it cannot be reached', async () => {
    const host = await webHost(0, 'the-current-token');
    pageAt(`127.0.0.1:${host.port}`);
    const transport = websocketTransport('a-token-from-yesterday');
    const statuses: HostStatus[] = [];
    transport.onStatus?.((status) => statuses.push(status));
    const error = await koppelRejectionOf(transport.call('settings.get', {}));
    expect(error.message).toMatch(/^Koppel’s web host was restarted and no longer knows this page/);
    expect(statuses).toEqual(['expired']);
    await host.close();
  });
});

/**
 * A stand-in for `koppel serve` on loopback: `/api/session` and the socket accept `token` only;
 * each call is answered with an empty flow list.
 */
async function webHost(port: number, token: string) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api/session') return res.writeHead(404).end();
    host.sessionChecks.push(url.searchParams.get('token') ?? '');
    res.writeHead(url.searchParams.get('token') === token ? 204 : 401).end();
  });
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    host.upgrades.push(url.searchParams.get('token') ?? '');
    if (url.searchParams.get('token') !== token)
      return socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
    sockets.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data) => {
        const { id } = JSON.parse(String(data)) as { id: number };
        ws.send(JSON.stringify({ t: 'result', id, result: { ok: true, output: { flows: [] } } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const host = {
    port: (server.address() as { port: number }).port,
    /** The tokens `/api/session` was asked about, in order. */
    sessionChecks: [] as string[],
    /** The tokens sockets were opened with, in order. */
    upgrades: [] as string[],
    push(stream: string, payload: unknown) {
      for (const client of sockets.clients) client.send(JSON.stringify({ t: 'event', stream, payload }));
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return host;
}
