import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp, type App } from '../../app/create-app';
import { silentLogger } from '../../app/logger';
import { startWebServer, type WebServer } from './server';

let app: App;
let server: WebServer;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-web-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Koppel</title>');
  app = await createApp({ host: 'web', dataDir: path.join(dir, 'data'), logger: silentLogger });
  server = await startWebServer({ app, port: 0, rendererDir });
});

afterAll(async () => {
  await server.close();
  await app.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens a socket; resolves with it once open, or with the HTTP status the upgrade was refused with. */
function connect(query: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

async function connected(): Promise<WebSocket> {
  const ws = await connect(`?token=${server.token}`, { Origin: `http://127.0.0.1:${server.port}` });
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  return ws;
}

function call(ws: WebSocket, id: number, name: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { t: string; id?: number };
      if (message.t === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ t: 'call', id, name, input }));
  });
}

describe('web host', () => {
  it('prints a loopback URL carrying the session token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a socket without the token', async () => {
    expect(await connect('')).toBe(401);
  });

  it('refuses a socket with a wrong token', async () => {
    expect(await connect('?token=not-the-token')).toBe(401);
  });

  it('refuses a socket from a foreign Origin even with the token', async () => {
    expect(await connect(`?token=${server.token}`, { Origin: 'https://evil.example' })).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) on sockets and pages', async () => {
    expect(await connect(`?token=${server.token}`, { Host: `evil.example:${server.port}` })).toBe(403);
    const status = await new Promise<number>((resolve) => {
      http.get(
        { host: '127.0.0.1', port: server.port, path: '/', headers: { Host: 'evil.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
    });
    expect(status).toBe(403);
  });

  it('tells a page whether its session token still opens the host, and nothing more', async () => {
    const session = (query: string) => fetch(`http://127.0.0.1:${server.port}/api/session${query}`);
    const valid = await session(`?token=${server.token}`);
    expect(valid.status).toBe(204);
    expect(valid.headers.get('cache-control')).toBe('no-store');
    expect(await valid.text()).toBe('');
    // A token of an earlier start (or none): refused, so the page knows to ask for the new address.
    expect((await session('?token=an-earlier-token')).status).toBe(401);
    expect((await session('')).status).toBe(401);
  });

  it('serves the renderer with a strict CSP and no referrer', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers a valid call', async () => {
    const ws = await connected();
    const message = await call(ws, 1, 'app.info', {});
    ws.close();
    expect(message).toMatchObject({
      t: 'result',
      id: 1,
      result: { ok: true, output: { host: 'web', name: 'Koppel' } },
    });
  });

  it('refuses an unknown call', async () => {
    const ws = await connected();
    const message = await call(ws, 2, 'vault.dump', {});
    ws.close();
    expect(message).toMatchObject({ result: { ok: false, error: { code: 'unknown_call' } } });
  });

  it('refuses invalid input', async () => {
    const ws = await connected();
    const message = await call(ws, 3, 'settings.update', { theme: 'purple' });
    ws.close();
    expect(message).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
  });

  it('answers a malformed message with an error instead of dropping it', async () => {
    const ws = await connected();
    const reply = new Promise<unknown>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    ws.send('{not json');
    expect(await reply).toMatchObject({ t: 'error', error: { code: 'invalid_input' } });
    ws.close();
  });

  it('pushes events to connected sockets', async () => {
    const ws = await connected();
    const event = new Promise<unknown>((resolve) => {
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { t: string };
        if (message.t === 'event') resolve(message);
      });
    });
    await call(ws, 4, 'settings.update', { theme: 'dark' });
    expect(await event).toMatchObject({ t: 'event', stream: 'settings.changed', payload: { theme: 'dark' } });
    ws.close();
  });
});
