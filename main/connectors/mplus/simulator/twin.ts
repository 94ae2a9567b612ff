import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadMplusXsdValidator } from '../schema/xsd-validator';
import { readMplusWsdl } from '../schema/wsdl-source';
import { handleAdminRequest } from './admin-api';
import { FaultInjector } from './faults';
import { createSeededState } from './seed/seed-state';
import { handleSoapRequest } from './soap-endpoint';
import { loadTwinData, StatePersistence } from './state/persistence';
import { TwinState, type TwinSize } from './state/twin-state';

/**
 * The MplusKASSA twin: the MplusQapi SOAP API on loopback, built to the official WSDL, with the
 * real semantics Koppel relies on (syncMarkers, stockId, unique extOrderId, idempotent replays,
 * computed totals, optimistic concurrency) and a sandbox admin API under `/_sandbox`.
 */

export interface MplusTwinOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Seed for the generated shop; default 1. */
  seed?: number;
  /** small (default): tens per type; medium: hundreds; large: thousands. */
  size?: TwinSize;
  ident?: string;
  secret?: string;
  /**
   * Persist the whole state here (atomic, debounced, and on close) and reload it on start; a state
   * loaded from the file wins over `seed` and `size`. An unreadable file is kept aside and reseeded.
   */
  stateFile?: string;
  /** Check every answer against the WSDL schema too (tests); default false. */
  validateResponses?: boolean;
  /** The clock (tests); default Date.now. */
  now?: () => number;
  /** Where start-up warnings go (an unreadable state file); default console.warn. */
  onWarning?: (message: string) => void;
}

export interface MplusTwin {
  /** SOAP endpoint, e.g. `http://127.0.0.1:54321/`; send `?ident=…&secret=…`. */
  readonly url: string;
  /** `url + '_sandbox'`. */
  readonly adminUrl: string;
  readonly ident: string;
  readonly secret: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve(undefined);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startMplusTwin(options: MplusTwinOptions = {}): Promise<MplusTwin> {
  const ident = options.ident ?? 'koppel-sandbox';
  const secret = options.secret ?? 'koppel-sandbox-secret';
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const size = options.size ?? 'small';
  // Compiling the XSD takes a moment (longer under tsx's ESM loader): listen at once, and let the
  // first SOAP request wait for it.
  const validatorLoading = loadMplusXsdValidator();
  validatorLoading.catch(() => undefined);

  let state: TwinState | undefined;
  if (options.stateFile) {
    const loaded = loadTwinData(options.stateFile);
    if (loaded.kind === 'loaded') state = new TwinState(loaded.data);
    if (loaded.kind === 'invalid') {
      const aside = StatePersistence.setAside(options.stateFile);
      (options.onWarning ?? console.warn)(
        `Mplus twin: ${options.stateFile} is not a valid state (${loaded.problem}); kept as ${aside}, reseeding.`,
      );
    }
  }
  let current = state ?? createSeededState({ seed, size, now: now() });
  const persistence = options.stateFile
    ? new StatePersistence(options.stateFile, () => current.toData())
    : undefined;
  if (!state) await persistence?.flush();

  const faults = new FaultInjector();
  const calls = new Map<string, number>();
  const held = new Set<http.ServerResponse>();
  const onWrite = (): void => persistence?.schedule();
  let wsdlText: string | undefined;

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://twin.invalid');
      const method = req.method ?? 'GET';
      if (url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/')) {
        const body = (await readBody(req)) ?? '';
        handleAdminRequest(method, url.pathname.slice('/_sandbox'.length), body, res, {
          state: () => current,
          reset: (nextSeed, nextSize) => {
            current = createSeededState({
              seed: nextSeed ?? current.seed,
              size: nextSize ?? current.size,
              now: now(),
            });
          },
          faults,
          calls,
          now,
          onWrite,
        });
        return;
      }
      if (url.pathname !== '/') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      if (method === 'GET' && url.searchParams.has('wsdl')) {
        wsdlText ??= readMplusWsdl().replace(
          /<SOAP:address location="[^"]*"\s*\/>/,
          `<SOAP:address location="${twin.url}" />`,
        );
        res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(wsdlText);
        return;
      }
      if (method !== 'POST') {
        // The official legacy client probes availability with exactly this.
        res
          .writeHead(405, { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Method Not Allowed');
        return;
      }
      const body = await readBody(req);
      if (body === undefined) {
        res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Request too large');
        return;
      }
      await handleSoapRequest(req, res, url, body, {
        ident,
        secret,
        validator: validatorLoading,
        faults,
        calls,
        validateResponses: options.validateResponses ?? false,
        context: () => ({ state: current, now }),
        onWrite,
        held,
      });
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(
        `Internal error in the Koppel Mplus twin: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  const twin: MplusTwin = {
    url,
    adminUrl: `${url}_sandbox`,
    ident,
    secret,
    port,
    async close() {
      for (const res of held) res.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await persistence?.flush();
    },
  };
  return twin;
}
