import type { JsonValue } from '../../shared/flow/json';
import { englishMessage, type RunMessage } from '../../shared/flow/run-messages';
import type { StepErrorInfo } from '../../shared/flow/run-records';
import { KoppelError } from '../../shared/api/errors';

export interface StepErrorOptions {
  code?: string;
  /** Worth retrying: timeouts, 5xx, 429, connection refused. */
  transient?: boolean;
  /** When the system asked us to wait (Retry-After, X-RateLimit-Reset). */
  retryAfterMs?: number;
  /**
   * The request may have reached the system (timeout after sending, 500/502/504): before writing
   * again without an idempotency key, the engine looks the record up first.
   */
  ambiguous?: boolean;
  /** The system could not be reached at all (DNS, refused, offline). */
  unreachable?: boolean;
  /** The record field at fault and its value, for business-rule failures. */
  field?: string;
  value?: JsonValue;
  /** HTTP status (or equivalent) when there was one. */
  status?: number;
  cause?: unknown;
}

/**
 * The error executors throw for one record. Executors may also throw anything else;
 * {@link classifyError} then decides whether it is transient.
 */
export class StepError extends Error {
  readonly code: string;
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;
  readonly ambiguous: boolean;
  readonly unreachable: boolean;
  readonly field: string | undefined;
  readonly value: JsonValue | undefined;
  readonly status: number | undefined;
  /** The message as a code (see RunMessage), when it was given as one. */
  readonly text: RunMessage | undefined;

  /** `message` in English, or as a code from the message catalogue (worded in the UI's language). */
  constructor(message: string | RunMessage, options: StepErrorOptions = {}) {
    super(
      typeof message === 'string' ? message : englishMessage(message),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.text = typeof message === 'string' ? undefined : message;
    this.name = 'StepError';
    this.code = options.code ?? (options.transient ? 'transient' : 'failed');
    this.transient = options.transient ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.ambiguous = options.ambiguous ?? false;
    this.unreachable = options.unreachable ?? false;
    this.field = options.field;
    this.value = options.value;
    this.status = options.status;
  }

  toInfo(nodeId?: string): StepErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.text === undefined ? {} : { text: this.text }),
      transient: this.transient,
      ...(nodeId === undefined ? {} : { nodeId }),
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.value === undefined ? {} : { value: this.value }),
      ...(this.status === undefined ? {} : { status: this.status }),
    };
  }
}

/** A failure retrying cannot fix: bad data, a rule broken, a 4xx. */
export function permanentError(
  message: string | RunMessage,
  options: Omit<StepErrorOptions, 'transient'> = {},
): StepError {
  return new StepError(message, { ...options, transient: false });
}

/** A failure that may pass: timeout, 5xx, 429, connection refused. */
export function transientError(
  message: string | RunMessage,
  options: Omit<StepErrorOptions, 'transient'> = {},
): StepError {
  return new StepError(message, { ...options, transient: true });
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const ambiguousCodes = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'ESOCKETTIMEDOUT',
  'UND_ERR_SOCKET',
]);
const transientStatuses = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Turns whatever an executor threw into a {@link StepError}: StepErrors pass; KoppelError
 * `connection_failed`/`unavailable` and network errors are transient; HTTP-like errors (a `status`
 * or axios' `response.status`) are transient for 408/425/429/5xx and honour `Retry-After` or
 * Teamleader's `X-RateLimit-Reset`; an error carrying `transient: true` or `retryAfterMs` keeps
 * them; everything else is permanent.
 */
export function classifyError(error: unknown, now: number = Date.now()): StepError {
  if (error instanceof StepError) return error;
  if (error instanceof KoppelError) {
    const transient = error.code === 'connection_failed' || error.code === 'unavailable';
    // Its code goes with it, so the run's error reads in the UI's language (see messageIn).
    return new StepError(error.text ?? error.message, {
      code: error.code,
      transient,
      unreachable: transient,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const fields = isObject(error) ? error : {};
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  if (code && unreachableCodes.has(code)) {
    return new StepError(message, { code, transient: true, unreachable: true, cause: error });
  }
  if (code && ambiguousCodes.has(code)) {
    return new StepError(message, { code, transient: true, ambiguous: true, cause: error });
  }
  const response = isObject(fields.response) ? fields.response : undefined;
  const status = numberOf(fields.status) ?? numberOf(fields.statusCode) ?? numberOf(response?.status);
  const headers = isObject(response?.headers)
    ? response.headers
    : isObject(fields.headers)
      ? fields.headers
      : {};
  const retryAfterMs =
    numberOf(fields.retryAfterMs) ??
    parseRetryAfter(headerOf(headers, 'retry-after'), now) ??
    parseRateLimitReset(headerOf(headers, 'x-ratelimit-reset'), now);
  const declared = typeof fields.transient === 'boolean' ? fields.transient : undefined;
  const transient = declared ?? (status !== undefined ? transientStatuses.has(status) : false);
  return new StepError(message, {
    code: code ?? (status !== undefined ? `http_${status}` : 'failed'),
    transient,
    ambiguous: fields.ambiguous === true || status === 500 || status === 502 || status === 504,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(status === undefined ? {} : { status }),
    cause: error,
  });
}

/** `Retry-After`: seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Teamleader's `X-RateLimit-Reset` is an absolute ISO-8601 time (`2021-06-15T10:51:23.035+0100`). */
export function parseRateLimitReset(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  // Date.parse wants "+01:00"; the header writes "+0100".
  const normalised = value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = Date.parse(normalised);
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  const seconds = Number(value);
  return Number.isFinite(seconds) ? Math.max(0, Math.round(seconds * 1000)) : undefined;
}

function headerOf(headers: Record<string, unknown>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Whether an error is the run being cancelled (not a record failing). */
export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return (
    signal.aborted && (error === signal.reason || (error instanceof Error && error.name === 'AbortError'))
  );
}
