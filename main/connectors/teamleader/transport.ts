import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import {
  type TeamleaderApiError,
  TeamleaderAuthError,
  TeamleaderPermanentError,
  TeamleaderRateLimitError,
  TeamleaderTransientError,
  parseErrorItems,
} from './errors';
import { describeNetworkError } from './oauth';
import { TEAMLEADER_OPERATIONS, type TeamleaderOperation } from './operations';
import { type SlidingWindowRateLimiter } from './rate-limiter';
import type { TeamleaderRef, TeamleaderRequest, TeamleaderResponse, TeamleaderData } from './schemas';
import { responseCheck } from './response-checks';
import type { TokenManager } from './token-manager';

/**
 * Refreshes in a row (401s with no other answer between) one call may make before it reports the
 * token refused. Any other answer starts the count again: a call that waits out 429s and 5xx for
 * minutes may outlive several tokens, and those answers are bounded by their own limits
 * (`maxRetries`, `maxRateLimitWaits`); a token refused as soon as it is issued still fails the call.
 */
const MAX_REFRESHES_IN_A_ROW = 2;

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * Each call that succeeds is added here: what a record's write asked and was answered, stored
   * with the record as the API's answer.
   */
  journal?: CallJournal;
}

/**
 * The calls of one write, in order. A write's answer is kept whole; a read made on the way (a
 * company's details to compare) only by name and status: its answer may be a page of contacts.
 */
export type CallJournal = {
  operation: TeamleaderOperation;
  status: number;
  answer?: unknown;
}[];

/** What `onRequest` sees after every HTTP attempt (for logs and tests; never contains tokens). */
export interface TeamleaderRequestInfo {
  operation: TeamleaderOperation;
  attempt: number;
  status: number | undefined;
  durationMs: number;
  outcome: 'ok' | 'retry' | 'refresh' | 'rate_limited' | 'failed';
  error?: TeamleaderApiError;
  rateLimit?: { limit?: number; remaining?: number; resetAt?: string };
}

export interface TransportOptions {
  apiBaseUrl: string;
  tokens: TokenManager;
  limiter: SlidingWindowRateLimiter;
  timeoutMs: number;
  maxRetries: number;
  /** First backoff step; doubles per attempt with jitter, capped at `maxRetryDelayMs`. */
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  /** 429s waited out per call before giving up with a rate_limited error. */
  maxRateLimitWaits: number;
  apiVersion: string | undefined;
  signal: AbortSignal | undefined;
  onRequest: ((info: TeamleaderRequestInfo) => void) | undefined;
  http?: AxiosInstance;
  now?: () => number;
}

export interface TransportStats {
  calls: Record<string, number>;
  retries: number;
  rateLimited: number;
  refreshes: number;
}

// Errors raised before a byte reached the server: retrying cannot duplicate anything.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function header(response: AxiosResponse, name: string): string | undefined {
  const value: unknown = response.headers[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function hasData(body: unknown): body is { data: unknown } {
  return typeof body === 'object' && body !== null && 'data' in body && body.data !== undefined;
}

/** One keep-alive HTTP client per connection (API and token calls share it). */
export function createHttpClient(): AxiosInstance {
  return axios.create({
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true }),
  });
}

/** Sends operations: rate limit, tokens, retries and error mapping live here, nowhere else. */
export class TeamleaderTransport {
  readonly http: AxiosInstance;
  private readonly now: () => number;
  private readonly counters: TransportStats = { calls: {}, retries: 0, rateLimited: 0, refreshes: 0 };

  constructor(private readonly options: TransportOptions) {
    this.now = options.now ?? Date.now;
    this.http = options.http ?? createHttpClient();
  }

  stats(): TransportStats {
    return { ...this.counters, calls: { ...this.counters.calls } };
  }

  /** See {@link SlidingWindowRateLimiter.onWait}; the listener also gets the budget as it stands. */
  onRateLimitWait(listener: (waitMs: number, limit: number, windowMs: number) => void): () => void {
    const { limiter } = this.options;
    return limiter.onWait((waitMs) => listener(waitMs, limiter.currentLimit, limiter.windowMs));
  }

  /** Calls one operation and returns its whole JSON answer (undefined for 204 operations). */
  async call<O extends TeamleaderOperation>(
    op: O,
    body: TeamleaderRequest<O>,
    options: CallOptions = {},
  ): Promise<TeamleaderResponse<O>> {
    const answer = await this.send(op, body, options);
    // send() checked the answer against the spec's response schema for `op`, the schema these types
    // are generated from: this assertion restates that check, it does not replace it.
    return answer as TeamleaderResponse<O>;
  }

  /** The `data` member of a 200 answer. */
  async data<O extends TeamleaderOperation>(
    op: O,
    body: TeamleaderRequest<O>,
    options?: CallOptions,
  ): Promise<TeamleaderData<O>> {
    const answer = await this.send(op, body, options ?? {});
    if (!hasData(answer)) {
      throw new TeamleaderTransientError({
        endpoint: op,
        status: 200,
        title: 'The answer has no data',
        titleNl: 'Het antwoord bevat geen data',
      });
    }
    // Checked against the spec's response schema in send() (see call()).
    return answer.data as TeamleaderData<O>;
  }

  /** The `{type, id}` of a 201 answer. */
  async ref<O extends TeamleaderOperation>(
    op: O,
    body: TeamleaderRequest<O>,
    options?: CallOptions,
  ): Promise<TeamleaderRef> {
    const answer = await this.send(op, body, options ?? {});
    if (!hasData(answer) || typeof answer.data !== 'object' || answer.data === null) {
      throw new TeamleaderTransientError({
        endpoint: op,
        status: 201,
        title: 'The answer has no created reference',
        titleNl: 'Het antwoord bevat geen verwijzing naar wat werd aangemaakt',
        maybeApplied: true,
      });
    }
    const ref = answer.data;
    if (!('type' in ref) || !('id' in ref) || typeof ref.type !== 'string' || typeof ref.id !== 'string') {
      throw new TeamleaderTransientError({
        endpoint: op,
        status: 201,
        title: 'The answer has no id',
        titleNl: 'Het antwoord bevat geen id',
        maybeApplied: true,
      });
    }
    return { type: ref.type, id: ref.id };
  }

  /** For 204 operations. */
  async none<O extends TeamleaderOperation>(
    op: O,
    body: TeamleaderRequest<O>,
    options?: CallOptions,
  ): Promise<void> {
    await this.send(op, body, options ?? {});
  }

  private async send(op: TeamleaderOperation, body: unknown, options: CallOptions): Promise<unknown> {
    const meta = TEAMLEADER_OPERATIONS[op];
    const signal = anySignal(options.signal, this.options.signal);
    let attempt = 0;
    let refreshes = 0;
    let rateLimitWaits = 0;
    for (;;) {
      signal?.throwIfAborted();
      const slot = await this.options.limiter.acquire(signal);
      let token: string;
      try {
        token = await this.options.tokens.accessToken();
      } catch (error) {
        slot.cancel();
        throw error;
      }
      const sentAt = this.now();
      this.counters.calls[op] = (this.counters.calls[op] ?? 0) + 1;
      let response: AxiosResponse<string>;
      try {
        response = await this.http.post<string>(
          `${this.options.apiBaseUrl}/${op}`,
          JSON.stringify(body ?? {}),
          {
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'application/json',
              Accept: 'application/json',
              ...(this.options.apiVersion ? { 'X-Api-Version': this.options.apiVersion } : {}),
            },
            timeout: options.timeoutMs ?? this.options.timeoutMs,
            signal,
            responseType: 'text',
            transformResponse: (data: unknown) => data,
            validateStatus: () => true,
          },
        );
      } catch (cause) {
        slot.release();
        if (signal?.aborted) throw signal.reason;
        const code = axios.isAxiosError(cause) ? cause.code : undefined;
        const notSent = code !== undefined && NOT_SENT.has(code);
        const error = new TeamleaderTransientError({
          endpoint: op,
          title: `No answer (${describeNetworkError(cause)})`,
          titleNl: `Geen antwoord (${describeNetworkError(cause, 'nl')})`,
          maybeApplied: !notSent && !meta.idempotent,
          cause,
        });
        if ((notSent || meta.idempotent) && attempt < this.options.maxRetries) {
          this.report(op, attempt, undefined, sentAt, 'retry', error);
          await this.backoff(attempt++, signal);
          continue;
        }
        this.report(op, attempt, undefined, sentAt, 'failed', error);
        throw error;
      }
      const rateLimit = this.observeRateLimit(response, sentAt);
      slot.release();
      const status = response.status;
      const text = typeof response.data === 'string' ? response.data : '';
      if (status !== 401) refreshes = 0;

      if (status === 429) {
        this.counters.rateLimited++;
        const resetAt = rateLimit.resetAt ? Date.parse(rateLimit.resetAt) : NaN;
        this.options.limiter.blockUntil(
          Number.isFinite(resetAt) ? resetAt : this.now() + this.delay(rateLimitWaits),
        );
        const error = new TeamleaderRateLimitError({
          endpoint: op,
          status,
          ...titleOr(parseErrorItems(parseJson(text))[0]?.title, 'Too many requests', 'Te veel verzoeken'),
          ...(Number.isFinite(resetAt) ? { resetAt: new Date(resetAt) } : {}),
        });
        if (rateLimitWaits++ < this.options.maxRateLimitWaits) {
          this.report(op, attempt, status, sentAt, 'rate_limited', error, rateLimit);
          continue;
        }
        this.report(op, attempt, status, sentAt, 'failed', error, rateLimit);
        throw error;
      }
      if (status === 401) {
        const items = parseErrorItems(parseJson(text));
        const error = new TeamleaderAuthError({
          endpoint: op,
          status,
          ...titleOr(items[0]?.title, 'Access token refused', 'Toegangstoken geweigerd'),
          errors: items,
        });
        // Access tokens can be invalidated again while a refresh is on its way (the twin's fault
        // test expires every token at random moments, and one call met that twice): a second
        // refresh in a row is allowed; a grant that is really gone fails at the refresh itself.
        if (refreshes < MAX_REFRESHES_IN_A_ROW) {
          refreshes++;
          this.counters.refreshes++;
          this.report(op, attempt, status, sentAt, 'refresh', error, rateLimit);
          await this.options.tokens.afterRejection(token);
          continue;
        }
        this.report(op, attempt, status, sentAt, 'failed', error, rateLimit);
        throw error;
      }
      if (status >= 500) {
        const items = parseErrorItems(parseJson(text));
        const error = new TeamleaderTransientError({
          endpoint: op,
          status,
          ...titleOr(items[0]?.title, `Server error (HTTP ${status})`, `Serverfout (HTTP ${status})`),
          errors: items,
          maybeApplied: !meta.idempotent,
        });
        // 503 means "not processed"; other 5xx may come after a write was applied.
        if ((meta.idempotent || status === 503) && attempt < this.options.maxRetries) {
          this.report(op, attempt, status, sentAt, 'retry', error, rateLimit);
          await this.backoff(attempt++, signal);
          continue;
        }
        this.report(op, attempt, status, sentAt, 'failed', error, rateLimit);
        throw error;
      }
      if (status < 200 || status >= 300) {
        const items = parseErrorItems(parseJson(text));
        const error = new TeamleaderPermanentError({
          endpoint: op,
          status,
          ...titleOr(
            items[0]?.title,
            `Request refused (HTTP ${status})`,
            `Verzoek geweigerd (HTTP ${status})`,
          ),
          errors: items,
        });
        this.report(op, attempt, status, sentAt, 'failed', error, rateLimit);
        throw error;
      }
      if (meta.status === 204) {
        this.report(op, attempt, status, sentAt, 'ok', undefined, rateLimit);
        options.journal?.push({ operation: op, status });
        return undefined;
      }
      const parsed = parseJson(text);
      if (parsed === undefined) {
        // Unreadable (cut off, not JSON): worth another try for a read.
        const error = new TeamleaderTransientError({
          endpoint: op,
          status,
          title: 'The answer is not valid JSON',
          titleNl: 'Het antwoord is geen geldige JSON',
          maybeApplied: !meta.idempotent,
        });
        if (meta.idempotent && attempt < this.options.maxRetries) {
          this.report(op, attempt, status, sentAt, 'retry', error, rateLimit);
          await this.backoff(attempt++, signal);
          continue;
        }
        this.report(op, attempt, status, sentAt, 'failed', error, rateLimit);
        throw error;
      }
      const violation = responseCheck(op)?.(parsed)[0];
      if (violation) {
        // Valid JSON the spec does not allow: the same request would get the same answer.
        const error = new TeamleaderPermanentError({
          endpoint: op,
          status,
          title: `The answer does not match the spec: ${violation.message}`,
          titleNl: `Het antwoord past niet bij de specificatie: ${violation.message}`,
          maybeApplied: !meta.idempotent,
        });
        this.report(op, attempt, status, sentAt, 'failed', error, rateLimit);
        throw error;
      }
      this.report(op, attempt, status, sentAt, 'ok', undefined, rateLimit);
      options.journal?.push(
        meta.idempotent ? { operation: op, status } : { operation: op, status, answer: parsed },
      );
      return parsed;
    }
  }

  private observeRateLimit(
    response: AxiosResponse,
    sentAt: number,
  ): NonNullable<TeamleaderRequestInfo['rateLimit']> {
    const limit = Number(header(response, 'x-ratelimit-limit'));
    const remaining = Number(header(response, 'x-ratelimit-remaining'));
    const resetAt = header(response, 'x-ratelimit-reset');
    const reset = resetAt ? Date.parse(resetAt) : NaN;
    this.options.limiter.observe({
      sentAt,
      ...(Number.isFinite(limit) && header(response, 'x-ratelimit-limit') ? { limit } : {}),
      ...(Number.isFinite(remaining) && header(response, 'x-ratelimit-remaining') ? { remaining } : {}),
      ...(Number.isFinite(reset) ? { resetAt: reset } : {}),
    });
    return {
      ...(Number.isFinite(limit) ? { limit } : {}),
      ...(Number.isFinite(remaining) ? { remaining } : {}),
      ...(resetAt ? { resetAt } : {}),
    };
  }

  private delay(attempt: number): number {
    const ceiling = Math.min(this.options.maxRetryDelayMs, this.options.retryBaseDelayMs * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  private async backoff(attempt: number, signal: AbortSignal | undefined): Promise<void> {
    this.counters.retries++;
    await sleep(this.delay(attempt), undefined, signal ? { signal } : undefined);
  }

  private report(
    operation: TeamleaderOperation,
    attempt: number,
    status: number | undefined,
    sentAt: number,
    outcome: TeamleaderRequestInfo['outcome'],
    error?: TeamleaderApiError,
    rateLimit?: TeamleaderRequestInfo['rateLimit'],
  ): void {
    this.options.onRequest?.({
      operation,
      attempt,
      status,
      durationMs: this.now() - sentAt,
      outcome,
      ...(error ? { error } : {}),
      ...(rateLimit ? { rateLimit } : {}),
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}

/** The API's own words when it gave some, else Koppel's, in English and Dutch. */
function titleOr(apiTitle: string | undefined, en: string, nl: string): { title: string; titleNl?: string } {
  return apiTitle === undefined ? { title: en, titleNl: nl } : { title: apiTitle };
}
