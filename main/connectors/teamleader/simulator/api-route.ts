import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEAMLEADER_OPERATIONS, type TeamleaderOperation } from '../operations';
import type { TeamleaderRequest } from '../schemas';
import type { JsonSchema } from '../spec';
import type { SpecCheck } from '../spec-validator';
import { conformToSpec } from './conform';
import { ApiFailure, type Handler, type HandlerResult, type HandlerTable, type TwinContext } from './context';
import type { FaultInjector } from './faults';
import { BodyTooLarge, readBody, sendEmpty, sendError, sendJson } from './http-util';
import type { OAuthServer } from './oauth-server';
import type { RateDecision, TwinRateWindow } from './rate-window';
import { isoResetHeader } from './time';
import type { TwinEvent } from './webhook-delivery';

/** What one API request needs from the running twin. */
export interface ApiRuntime {
  oauth: OAuthServer;
  limiter: TwinRateWindow;
  faults: FaultInjector;
  checks: ReadonlyMap<TeamleaderOperation, SpecCheck>;
  handlers: HandlerTable;
  calls: Record<string, number>;
  now(): number;
  /** A context for one request; its events are returned for delivery after the answer. */
  context(): { ctx: TwinContext; events: TwinEvent[] };
  changed(): void;
  deliver(events: readonly TwinEvent[]): void;
  /** The spec's schema of `op`'s 200 answer (answers are conformed to it, see conform.ts). */
  answerSchema(op: TeamleaderOperation): JsonSchema | undefined;
  /** Requests left hanging by the timeout fault, ended when the twin closes. */
  hanging: Set<ServerResponse>;
}

const DEFAULT_API_VERSION = '2023-09-26';

function run<O extends TeamleaderOperation>(
  handlers: HandlerTable,
  op: O,
  ctx: TwinContext,
  body: unknown,
): HandlerResult {
  // HANDLERS maps each operation to the handler for that same operation.
  const handler = handlers[op] as Handler<O> | undefined;
  if (!handler) throw new ApiFailure(404, `${op} is not available in the sandbox`);
  // The body passed the spec's request schema for `op`, which TeamleaderRequest<op> is generated from.
  return handler(ctx, body as TeamleaderRequest<O>);
}

/**
 * Who calls, as far as the answer's headers go: the API version asked for, the Bearer's identity,
 * and `uncounted`, the headers of an answer given before the request is counted: the caller's
 * window as it stands (an expired token's too; a caller without a token of any integration has
 * none, '' being no client's id).
 */
function caller(rt: ApiRuntime, req: IncomingMessage) {
  const version =
    typeof req.headers['x-api-version'] === 'string' ? req.headers['x-api-version'] : DEFAULT_API_VERSION;
  const identity = rt.oauth.authenticate(req.headers.authorization);
  const uncounted = () => rateHeaders(version, rt.limiter.peek(identity.clientId ?? '', rt.now()));
  return { version, identity, uncounted };
}

/** A path that is no operation: 404, with the rate-limit headers every answer carries (reference §4), uncounted. */
export function handleUnknownEndpoint(
  rt: ApiRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): void {
  sendError(res, 404, `Unknown endpoint ${path}`, undefined, caller(rt, req).uncounted());
}

/**
 * `POST /<resource>.<action>`: Bearer check (401), rate limit (429 and `X-RateLimit-*` on every
 * answer), faults, spec validation of the body (400 naming the field), then the operation itself.
 */
export async function handleApi(
  rt: ApiRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  op: TeamleaderOperation,
): Promise<void> {
  rt.calls[op] = (rt.calls[op] ?? 0) + 1;
  const { version, identity, uncounted } = caller(rt, req);
  if (req.method !== 'POST') {
    return sendError(res, 405, `${op} must be called with POST`, undefined, {
      Allow: 'POST',
      ...uncounted(),
    });
  }
  if ('refused' in identity) return sendError(res, 401, identity.refused, undefined, uncounted());
  const rate = rt.limiter.take(identity.clientId, rt.now());
  const headers = rateHeaders(version, rate);
  if (!rate.allowed)
    return sendError(res, 429, 'Too many requests: the rate limit is exceeded', undefined, headers);

  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendError(res, 413, error.message, undefined, headers);
    throw error;
  }
  const latency = rt.faults.latencyMs(op);
  if (latency > 0) await sleep(latency);
  const fault = rt.faults.decide(op);
  if (fault === 'timeout') {
    rt.hanging.add(res);
    res.on('close', () => rt.hanging.delete(res));
    return;
  }
  if (fault === 'error') {
    const status = rt.faults.errorStatus();
    return sendError(res, status, faultTitle(status), undefined, headers);
  }
  if (fault === 'malformed') {
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
    res.end('{"data": [{"id": "sandbox-fault"');
    return;
  }

  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return sendError(res, 400, 'The request body is not valid JSON', undefined, headers);
  }
  const violation = rt.checks.get(op)?.(body)[0];
  if (violation) return sendError(res, 400, violation.message, violation.field || undefined, headers);

  const { ctx, events } = rt.context();
  let result: HandlerResult;
  try {
    result = run(rt.handlers, op, ctx, body);
  } catch (error) {
    if (error instanceof ApiFailure) return sendError(res, error.status, error.title, error.field, headers);
    throw error;
  }
  if (TEAMLEADER_OPERATIONS[op].status !== 200) rt.changed();
  if (fault === 'lost') {
    // The write is applied; the answer is lost on the way (the connection drops).
    res.socket?.destroy();
    rt.deliver(events);
    return;
  }
  if (result.status === 200) sendJson(res, 200, conformToSpec(result.body, rt.answerSchema(op)), headers);
  else if (result.status === 201) sendJson(res, 201, { data: { type: result.type, id: result.id } }, headers);
  else sendEmpty(res, 204, headers);
  rt.deliver(events);
}

/** `X-Api-Version` and the `X-RateLimit-*` headers every answer carries (reference §4). */
function rateHeaders(version: string, rate: RateDecision): Record<string, string> {
  return {
    'X-Api-Version': version,
    'X-RateLimit-Limit': String(rate.limit),
    'X-RateLimit-Remaining': String(rate.remaining),
    'X-RateLimit-Reset': isoResetHeader(rate.resetAt),
  };
}

/** An injected error in the words of its status (the reference's meanings), marked as the sandbox's. */
function faultTitle(status: number): string {
  const meaning: Record<number, string> = {
    400: 'Invalid data',
    401: 'Invalid, missing or expired token',
    403: 'Not allowed (missing scope or permission)',
    404: 'Resource not found',
    429: 'Too many requests',
  };
  return `${meaning[status] ?? 'Simulated server error'} (sandbox fault)`;
}
