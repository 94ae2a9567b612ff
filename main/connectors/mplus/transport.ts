import http from 'node:http';
import https from 'node:https';
import { runMessage } from '../../../shared/flow/run-messages';
import { MplusAbortError, MplusNetworkError, MplusTimeoutError } from './errors';

/** One SOAP POST over Node's http(s) with keep-alive, a whole-exchange timeout and an abort signal. */

export interface HttpExchange {
  readonly status: number;
  readonly body: string;
}

export interface PostOptions {
  readonly operation: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Reuse a kept-alive connection. Off for writes that must not run twice: a pooled connection the
   * server has just closed fails with ECONNRESET, which such a write could not safely retry.
   */
  readonly reuseConnection: boolean;
}

export function postXml(url: URL, body: string, options: PostOptions): Promise<HttpExchange> {
  const { operation } = options;
  if (options.signal?.aborted) return Promise.reject(new MplusAbortError(operation));
  const transport = url.protocol === 'https:' ? https : http;
  const payload = Buffer.from(body, 'utf8');

  return new Promise<HttpExchange>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, exchange?: HttpExchange): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        request.destroy();
        reject(error);
      } else if (exchange) {
        resolve(exchange);
      }
    };
    const onAbort = (): void => finish(new MplusAbortError(operation, { cause: options.signal?.reason }));
    const timer = setTimeout(
      () => finish(new MplusTimeoutError(operation, options.timeoutMs)),
      options.timeoutMs,
    );

    const request = transport.request(url, {
      method: 'POST',
      headers: { ...options.headers, 'Content-Length': String(payload.length) },
      ...(options.reuseConnection ? {} : { agent: false }),
    });
    options.signal?.addEventListener('abort', onAbort, { once: true });

    request.on('error', (error: NodeJS.ErrnoException) => {
      finish(
        new MplusNetworkError(
          runMessage('mplusCallFailed', { operation, detail: error.message }),
          operation,
          error.code,
          { cause: error },
        ),
      );
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error: NodeJS.ErrnoException) => {
        finish(
          new MplusNetworkError(
            runMessage('mplusAnswerCutOff', { operation, detail: error.message }),
            operation,
            error.code,
          ),
        );
      });
      response.on('aborted', () => {
        finish(
          new MplusNetworkError(runMessage('mplusAnswerCutOff', { operation }), operation, 'ECONNRESET'),
        );
      });
      response.on('end', () => {
        if (!response.complete) {
          finish(
            new MplusNetworkError(runMessage('mplusAnswerCutOff', { operation }), operation, 'ECONNRESET'),
          );
          return;
        }
        finish(undefined, { status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.end(payload);
  });
}
