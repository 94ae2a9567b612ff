import crypto from 'node:crypto';
import fs from 'node:fs';
import http, { type ServerResponse } from 'node:http';
import { isTeamleaderOperation, type TeamleaderOperation } from '../operations';
import { withApiNulls } from '../api-nulls';
import { loadTeamleaderSpec, specOperation, type JsonSchema } from '../spec';
import { conformToSpec } from './conform';
import { handleAdmin, type AdminRuntime } from './admin-route';
import { handleApi, handleUnknownEndpoint, type ApiRuntime } from './api-route';
import { removeKey, type TwinContext } from './context';
import { FaultInjector } from './faults';
import { HANDLERS } from './handlers';
import { sendError } from './http-util';
import { OAuthServer } from './oauth-server';
import { loadState, StateSaver } from './persistence';
import { Prng } from '../../seeded-prng';
import { TwinRateWindow } from './rate-window';
import { requestChecks } from './request-checks';
import { seedState } from './seed';
import { ENTITY_SHAPES, type EntityType, type TwinSize, type TwinState } from './state';
import { WebhookDelivery, type TwinEvent } from './webhook-delivery';

export interface TeamleaderTwinOptions {
  /** Default 0: a free port. The twin listens on 127.0.0.1 only. */
  port?: number;
  /** Seed data is the same for the same seed and size. Default 1. */
  seed?: number;
  /** small (tens of records per type, default), medium (hundreds), large (thousands). */
  size?: TwinSize;
  /** Default `koppel-sandbox`. */
  clientId?: string;
  /** Default `koppel-sandbox-secret`. */
  clientSecret?: string;
  /** Access token lifetime, default 3600 s. */
  tokenTtlSeconds?: number;
  /** Requests per window per connection, default 200 (Teamleader's limit). */
  rateLimitPerMinute?: number;
  /** Length of the rate-limit window, default 60,000 ms; shorter only for benchmarks. */
  rateLimitWindowMs?: number;
  /**
   * Persist the whole state (records, tokens) here: written atomically, debounced, and on close;
   * reloaded on start. A file that cannot be read is moved aside and the account reseeded.
   */
  stateFile?: string;
}

export interface TeamleaderTwin {
  /** Base URL of the API (`POST {apiUrl}/contacts.list`). */
  apiUrl: string;
  /** Base URL of the authorization server (`{authUrl}/oauth2/authorize`), the same port. */
  authUrl: string;
  /** `{apiUrl}/_sandbox`: entities, reset, generate, faults, stats, authorize. */
  adminUrl: string;
  clientId: string;
  clientSecret: string;
  port: number;
  /** Stops the server (hanging requests are dropped) and writes the state file. */
  close(): Promise<void>;
}

function initialState(options: TeamleaderTwinOptions): TwinState {
  const seed = options.seed ?? 1;
  const size = options.size ?? 'small';
  const file = options.stateFile;
  if (!file || !fs.existsSync(file)) return seedState(seed, size);
  try {
    return loadState(file);
  } catch (error) {
    const aside = `${file}.unreadable-${Date.now()}`;
    fs.renameSync(file, aside);
    console.warn(
      `Teamleader twin: ${file} could not be loaded (${String(error)}); moved to ${aside}, reseeded.`,
    );
    return seedState(seed, size);
  }
}

/**
 * Starts the Teamleader Focus twin: API, OAuth2 and the `/_sandbox` admin API on one loopback port.
 */
export async function startTeamleaderTwin(options: TeamleaderTwinOptions = {}): Promise<TeamleaderTwin> {
  const clientId = options.clientId ?? 'koppel-sandbox';
  const clientSecret = options.clientSecret ?? 'koppel-sandbox-secret';
  const defaultRateLimit = options.rateLimitPerMinute ?? 200;
  const checks = requestChecks();
  let state = initialState(options);
  let generation = new Prng(state.prngPosition);
  const now = (): number => Date.now();
  const saver = options.stateFile ? new StateSaver(options.stateFile, () => state) : undefined;
  const changed = (): void => saver?.schedule();
  const oauth = new OAuthServer(
    () => state,
    { clientId, clientSecret, tokenTtlSeconds: options.tokenTtlSeconds ?? 3600 },
    now,
    changed,
  );
  const limiter = new TwinRateWindow(defaultRateLimit, options.rateLimitWindowMs ?? 60_000);
  const faults = new FaultInjector();
  const webhooks = new WebhookDelivery(() => state);
  const calls: Record<string, number> = {};
  const hanging = new Set<ServerResponse>();

  const context = (): { ctx: TwinContext; events: TwinEvent[] } => {
    const events: TwinEvent[] = [];
    const ctx: TwinContext = {
      state,
      now,
      newId: () => crypto.randomUUID(),
      prng: generation,
      emit: (type, subject) => events.push({ type, subject }),
    };
    return { ctx, events };
  };

  const spec = loadTeamleaderSpec();
  // Answers are shaped as the live API sends them, nulls included (conform.ts).
  const answerSchemas = new Map<TeamleaderOperation, JsonSchema | undefined>();
  const answerSchema = (op: TeamleaderOperation): JsonSchema | undefined => {
    if (!answerSchemas.has(op)) {
      const schema = specOperation(spec, op).responses.get(200);
      answerSchemas.set(op, schema && withApiNulls(schema));
    }
    return answerSchemas.get(op);
  };
  const asAnswered = (type: EntityType, record: unknown): unknown => {
    const shape = ENTITY_SHAPES[type];
    const answer = conformToSpec(
      shape.shape === 'info' ? { data: record } : { data: [record] },
      answerSchema(shape.op),
    );
    if (typeof answer !== 'object' || answer === null || !('data' in answer)) return record;
    return shape.shape === 'info' ? answer.data : Array.isArray(answer.data) ? answer.data[0] : record;
  };

  const api: ApiRuntime = {
    oauth,
    limiter,
    faults,
    checks,
    handlers: HANDLERS,
    calls,
    now,
    context,
    changed,
    deliver: (events) => webhooks.deliver(events),
    answerSchema,
    hanging,
  };

  const urls = { apiUrl: '', authUrl: '', adminUrl: '' };
  const admin: AdminRuntime = {
    state: () => state,
    urls,
    clientId,
    clientSecret,
    oauth,
    limiter,
    defaultRateLimit,
    faults,
    calls,
    webhookCounts: () => ({ delivered: webhooks.delivered, failed: webhooks.failed }),
    reset: (seed, size) => {
      const auth = state.auth;
      state = seedState(seed ?? state.seed, size ?? state.size);
      // Connections survive a data reset: the app keeps its tokens.
      state.auth = auth;
      generation = new Prng(state.prngPosition);
      faults.clear();
      limiter.clear();
      limiter.limit = defaultRateLimit;
      for (const key of Object.keys(calls)) removeKey(calls, key);
      changed();
    },
    generationContext: () => {
      const { ctx, events } = context();
      return {
        ctx: { ...ctx, newId: () => generation.uuid() },
        events,
        done: () => (state.prngPosition = generation.position),
      };
    },
    deliver: (events) => webhooks.deliver(events),
    changed,
    asAnswered,
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const route = async (): Promise<void> => {
      if (path === '/_sandbox' || path.startsWith('/_sandbox/')) return handleAdmin(admin, req, res, url);
      if (path === '/oauth2/authorize' && req.method === 'GET')
        return oauth.authorizePage(res, url.searchParams);
      if (path === '/oauth2/authorize' && req.method === 'POST') return oauth.authorizeDecision(req, res);
      if (path === '/oauth2/access_token' && req.method === 'POST') return oauth.token(req, res);
      const op = path.slice(1);
      if (isTeamleaderOperation(op)) return handleApi(api, req, res, op);
      return handleUnknownEndpoint(api, req, res, path);
    };
    route().catch((error: unknown) => {
      if (!res.headersSent)
        sendError(res, 500, `Twin error: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The twin is not listening on a TCP port.');
  const port = address.port;
  const base = `http://127.0.0.1:${port}`;
  Object.assign(urls, { apiUrl: base, authUrl: base, adminUrl: `${base}/_sandbox` });
  saver?.schedule();

  return {
    ...urls,
    clientId,
    clientSecret,
    port,
    close: async () => {
      for (const res of hanging) res.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await webhooks.settle();
      saver?.flush();
    },
  };
}
