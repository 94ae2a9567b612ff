import { randomUUID } from 'node:crypto';
import { runMessage } from '../../../shared/flow/run-messages';
import { mplusValueReason } from '../../../shared/flow/messages/mplus-value-reasons';
import {
  MplusAbortError,
  MplusError,
  MplusHttpError,
  MplusProtocolError,
  MplusRequestError,
  MplusSoapFault,
} from './errors';
import type { MplusOperationName, ModelOperations, WireOperations } from './generated/operations';
import { modelToWire, ModelConversionError, wireToModel } from './model-convert';
import { operationModel } from './schema/schema-index';
import type { OperationModel } from './schema/schema-model';
import { postXml, type HttpExchange } from './transport';
import { DecodeError, decodeEnvelope } from './xml/decode';
import { EncodeError } from './xml/encode';
import { buildRequestEnvelope } from './xml/envelope';

/**
 * The transport half of the Mplus client: one POST per call to `<url>?ident=…&secret=…`, SOAP 1.1
 * document/literal, answers decoded against the WSDL. Transient failures are retried with backoff,
 * but only for reads and for writes that carry an idempotencyKey (the server deduplicates those);
 * any other write could be applied twice, so it fails at once and the engine decides.
 */

export interface MplusRequestInfo {
  readonly operation: MplusOperationName;
  /** 1 for the first try. */
  readonly attempt: number;
  /** Sent as X-Request-Id. */
  readonly requestId: string;
  readonly durationMs: number;
  readonly status?: number;
  readonly outcome: 'ok' | 'fault' | 'error';
  readonly error?: MplusError;
  readonly willRetry: boolean;
  readonly requestXml: string;
  readonly responseXml?: string;
}

export interface MplusClientOptions {
  /** Base URL, e.g. `https://api.mpluskassa.nl:44281/` or a twin's `http://127.0.0.1:port/`. */
  url: string;
  ident: string;
  secret: string;
  /** Whole-exchange timeout per attempt; default 120 s (Mplus calls can be slow). */
  timeoutMs?: number;
  /** Extra attempts after a transient failure, for retryable calls; default 3. */
  maxRetries?: number;
  /** First backoff delay; doubled per retry with jitter, capped at 5 s. Default 250 ms. */
  retryDelayMs?: number;
  /** Cancels every call of this client. */
  signal?: AbortSignal;
  /** Called after every attempt (for logs, metrics and tests). Must not throw. */
  onRequest?: (info: MplusRequestInfo) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

const isReadOperation = (name: string): boolean => name.startsWith('get') || name.startsWith('find');

function endpoint(options: MplusClientOptions): URL {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new MplusRequestError('url', mplusValueReason('urlInvalid', { url: options.url }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MplusRequestError('url', mplusValueReason('urlNotHttp', { url: options.url }));
  }
  url.searchParams.set('ident', options.ident);
  url.searchParams.set('secret', options.secret);
  return url;
}

function abortableSleep(ms: number, signal: AbortSignal | undefined, operation: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new MplusAbortError(operation));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new MplusAbortError(operation));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class SoapCaller {
  private readonly url: URL;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: MplusClientOptions) {
    this.url = endpoint(options);
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 250;
  }

  /** Calls with Koppel values (decimals, ISO dates) and answers in Koppel values. */
  async call<K extends MplusOperationName>(
    name: K,
    request: ModelOperations[K]['request'],
    options: CallOptions = {},
  ): Promise<ModelOperations[K]['response']> {
    const op = operationModel(name);
    let wire: Record<string, unknown>;
    try {
      wire = modelToWire(op.requestType, { ...request }, name);
    } catch (error) {
      if (error instanceof ModelConversionError) throw new MplusRequestError(error.path, error.reason, name);
      throw error;
    }
    const answer = await this.exchange(op, wire, options);
    try {
      // The decoder checked every element against the schema model; this is the typed view of it.
      return wireToModel(op.responseType, answer, op.responseElement) as ModelOperations[K]['response'];
    } catch (error) {
      if (error instanceof ModelConversionError)
        throw MplusProtocolError.unreadable(error.path, error.reason, name);
      throw error;
    }
  }

  /** Calls with wire values (cents, unscaled quantities, date structs), for tools and tests. */
  async callWire<K extends MplusOperationName>(
    name: K,
    request: WireOperations[K]['request'],
    options: CallOptions = {},
  ): Promise<WireOperations[K]['response']> {
    const answer = await this.exchange(operationModel(name), { ...request }, options);
    // As in call(): the decoder validated the answer against the schema model.
    return answer as unknown as WireOperations[K]['response'];
  }

  private async exchange(
    op: OperationModel,
    wire: Record<string, unknown>,
    options: CallOptions,
  ): Promise<Record<string, unknown>> {
    const name = op.name as MplusOperationName;
    let requestXml: string;
    try {
      requestXml = buildRequestEnvelope(op, wire);
    } catch (error) {
      if (error instanceof EncodeError) throw new MplusRequestError(error.path, error.reason, name);
      throw error;
    }
    const retryable = isReadOperation(name) || op.idempotent;
    const signal =
      options.signal && this.options.signal
        ? AbortSignal.any([options.signal, this.options.signal])
        : (options.signal ?? this.options.signal);

    for (let attempt = 1; ; attempt++) {
      const requestId = `koppel_${randomUUID()}`;
      const started = performance.now();
      let exchange: HttpExchange | undefined;
      try {
        exchange = await postXml(this.url, requestXml, {
          operation: name,
          timeoutMs: options.timeoutMs ?? this.timeoutMs,
          signal,
          reuseConnection: retryable,
          headers: {
            'Content-Type': 'text/xml; charset=utf-8',
            SOAPAction: name,
            'X-Request-Id': requestId,
            'User-Agent': 'Koppel',
          },
        });
        const value = this.readAnswer(op, exchange);
        this.report({
          operation: name,
          attempt,
          requestId,
          started,
          exchange,
          requestXml,
          outcome: 'ok',
          willRetry: false,
        });
        return value;
      } catch (error) {
        if (!(error instanceof MplusError)) throw error;
        error.operation ??= name;
        const willRetry =
          retryable &&
          error.kind === 'transient' &&
          !(error instanceof MplusAbortError) &&
          attempt <= this.maxRetries;
        const outcome = error instanceof MplusSoapFault ? 'fault' : 'error';
        this.report({
          operation: name,
          attempt,
          requestId,
          started,
          exchange,
          requestXml,
          outcome,
          error,
          willRetry,
        });
        if (!willRetry) throw error;
        const backoff = Math.min(5_000, this.retryDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random());
        await abortableSleep(backoff, signal, name);
      }
    }
  }

  private readAnswer(op: OperationModel, exchange: HttpExchange): Record<string, unknown> {
    const name = op.name;
    let decoded;
    try {
      decoded = decodeEnvelope(exchange.body, (local) =>
        local === op.responseElement ? op.responseType : undefined,
      );
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      if (exchange.status !== 200) throw new MplusHttpError(name, exchange.status, exchange.body);
      throw new MplusProtocolError(
        runMessage('mplusAnswerNotWsdl', {
          operation: name,
          ...(error.path ? { path: error.path } : {}),
          detail: error.reason,
        }),
        name,
        error.path || undefined,
        error.notWellFormed ? 'transient' : 'permanent',
      );
    }
    if (decoded.kind === 'fault') {
      throw new MplusSoapFault({ ...decoded, httpStatus: exchange.status, operation: name });
    }
    if (exchange.status !== 200) throw new MplusHttpError(name, exchange.status, exchange.body);
    return decoded.value;
  }

  private report(entry: {
    operation: MplusOperationName;
    attempt: number;
    requestId: string;
    started: number;
    exchange: HttpExchange | undefined;
    requestXml: string;
    outcome: MplusRequestInfo['outcome'];
    error?: MplusError;
    willRetry: boolean;
  }): void {
    if (!this.options.onRequest) return;
    try {
      this.options.onRequest({
        operation: entry.operation,
        attempt: entry.attempt,
        requestId: entry.requestId,
        durationMs: performance.now() - entry.started,
        outcome: entry.outcome,
        willRetry: entry.willRetry,
        requestXml: entry.requestXml,
        ...(entry.exchange ? { status: entry.exchange.status, responseXml: entry.exchange.body } : {}),
        ...(entry.error ? { error: entry.error } : {}),
      });
    } catch {
      // A failing observer must not turn a successful call into a failure.
    }
  }
}
