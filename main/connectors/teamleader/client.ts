import { crmEntities } from './entities/crm';
import { dealEntities } from './entities/deals';
import { generalEntities } from './entities/general';
import { invoicingEntities } from './entities/invoicing';
import { productEntities } from './entities/products';
import { DEFAULT_API_BASE_URL, DEFAULT_AUTH_BASE_URL, exchangeCode, refreshTokens } from './oauth';
import type { TeamleaderOperation } from './operations';
import { SlidingWindowRateLimiter } from './rate-limiter';
import type { TeamleaderRequest } from './schemas';
import { TokenManager } from './token-manager';
import type { TeamleaderTokenStore, TeamleaderTokens } from './tokens';
import {
  TeamleaderTransport,
  createHttpClient,
  type CallOptions,
  type TeamleaderRequestInfo,
  type TransportStats,
} from './transport';

export interface TeamleaderClientOptions {
  /** Default https://api.focus.teamleader.eu (the twin's `apiUrl` in tests and the sandbox). */
  apiBaseUrl?: string;
  /** Default https://focus.teamleader.eu (the twin's `authUrl`). */
  authBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  /** Needed only for `connect()` (the code exchange). */
  redirectUri?: string;
  tokenStore: TeamleaderTokenStore;
  /** Requests per sliding window, default 200 (Teamleader's limit per integration and account). */
  rateLimitPerMinute?: number;
  /** Window length for the limit, default 60,000 ms; shorter only for benchmarks against the twin. */
  rateLimitWindowMs?: number;
  /** Per HTTP attempt, default 30,000 ms. */
  timeoutMs?: number;
  /** Retries of transient failures per call, default 4. */
  maxRetries?: number;
  /** First backoff step, default 250 ms (doubles per retry, with jitter, capped at 8 s). */
  retryBaseDelayMs?: number;
  /** Cancels every call of this client. */
  signal?: AbortSignal;
  /** Sent as `X-Api-Version`, default 2023-09-26 (the newest version the docs name). */
  apiVersion?: string;
  onRequest?: (info: TeamleaderRequestInfo) => void;
}

export type TeamleaderClient = ReturnType<typeof buildClient>;

function buildClient(
  transport: TeamleaderTransport,
  connect: (code: string, codeVerifier?: string) => Promise<TeamleaderTokens>,
) {
  return {
    /** Calls any operation Koppel knows by its `resource.action` name; returns the whole answer. */
    call: <O extends TeamleaderOperation>(op: O, body: TeamleaderRequest<O>, options?: CallOptions) =>
      transport.call(op, body, options),
    /**
     * Finishes an authorization code grant: exchanges the code, saves the tokens in the store and
     * returns them. Needs `redirectUri`.
     */
    connect,
    /** Calls per operation, retries, 429s and refreshes since the client was created. */
    stats: (): TransportStats => transport.stats(),
    /** Long waits for the rate limit, for a run's log (see `WaitNews` in the engine). */
    onWait: (
      listener: (wait: { waitMs: number; system: string; limit: number; windowMs: number }) => void,
    ): (() => void) =>
      transport.onRateLimitWait((waitMs, limit, windowMs) =>
        listener({ waitMs, system: 'Teamleader', limit, windowMs }),
      ),
    ...generalEntities(transport),
    ...invoicingEntities(transport),
    ...productEntities(transport),
    ...crmEntities(transport),
    ...dealEntities(transport),
  };
}

/**
 * A Teamleader Focus client for one connection: one token manager (single-flight refresh, tokens
 * stored before use), one rate limiter, retries for transient failures. Functions are grouped by
 * resource (`client.contacts.list`, `client.invoices.draft`, …); `iterate` streams paged lists.
 */
export function createTeamleaderClient(options: TeamleaderClientOptions): TeamleaderClient {
  const apiBaseUrl = (options.apiBaseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const authBaseUrl = options.authBaseUrl ?? DEFAULT_AUTH_BASE_URL;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const http = createHttpClient();
  const tokenRequest = () => ({
    authBaseUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutMs,
    http,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const tokens = new TokenManager({
    store: options.tokenStore,
    refresh: (refreshToken) => refreshTokens({ ...tokenRequest(), refreshToken }),
  });
  const transport = new TeamleaderTransport({
    http,
    apiBaseUrl,
    tokens,
    limiter: new SlidingWindowRateLimiter({
      limit: options.rateLimitPerMinute ?? 200,
      windowMs: options.rateLimitWindowMs ?? 60_000,
    }),
    timeoutMs,
    maxRetries: options.maxRetries ?? 4,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 250,
    maxRetryDelayMs: 8_000,
    maxRateLimitWaits: 10,
    apiVersion: options.apiVersion ?? '2023-09-26',
    signal: options.signal,
    onRequest: options.onRequest,
  });
  const connect = async (code: string, codeVerifier?: string): Promise<TeamleaderTokens> => {
    if (!options.redirectUri) throw new Error('createTeamleaderClient: connect() needs redirectUri.');
    const fresh = await exchangeCode({
      ...tokenRequest(),
      code,
      redirectUri: options.redirectUri,
      ...(codeVerifier ? { codeVerifier } : {}),
    });
    await options.tokenStore.save(fresh);
    tokens.forget();
    return fresh;
  };
  return buildClient(transport, connect);
}
