import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { App } from '../../app/create-app';
import { attachApiSocket } from './ws-adapter';
import {
  contentSecurityPolicy,
  createSessionToken,
  hostAllowed,
  originAllowed,
  tokensMatch,
} from './security';

export interface WebServerOptions {
  app: App;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** Fixed token for tests; random otherwise. */
  token?: string;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * `koppel serve`: the built renderer plus the API over a WebSocket, on 127.0.0.1 only. The API
 * needs the session token from the printed URL; a foreign Host or Origin is refused.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const indexFile = path.join(options.rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The renderer is not built (${indexFile} is missing). Run "npm run build" first.`);
  }
  const token = options.token ?? createSessionToken();
  let port = options.port ?? 0;
  const assets = sirv(options.rendererDir, { etag: true, dev: false, gzip: false, brotli: false });

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req, port)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden host.');
      return;
    }
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(port));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // The token is in the page URL: never send it on as a referrer.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    // Whether a session token still opens this host: a page whose WebSocket was refused (the
    // browser does not say why) asks here, to tell "restarted with a new token" from "down".
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/session') {
      res.writeHead(tokensMatch(token, url.searchParams.get('token')) ? 204 : 401, {
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 32 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/api') return refuse(404, 'Not Found');
    if (!hostAllowed(req, port) || !originAllowed(req, port)) return refuse(403, 'Forbidden');
    if (!tokensMatch(token, url.searchParams.get('token'))) return refuse(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => attachApiSocket(ws, options.app));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A socket the server still holds (a page's connection mid-request or mid-upgrade) would keep
      // the host from stopping: it is closing, so every connection goes.
      server.closeAllConnections();
      await closed;
    },
  };
}
