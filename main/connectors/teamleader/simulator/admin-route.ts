import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiFailure, removeKey, type TwinContext } from './context';
import { TwinFaults, type FaultInjector } from './faults';
import { readBody, sendError, sendJson } from './http-util';
import type { OAuthServer } from './oauth-server';
import type { TwinRateWindow } from './rate-window';
import { createPool, GENERATED_TYPES, GENERATORS, type GeneratedType } from './seed';
import { ENTITY_TYPES, type EntityType, type TwinSize, type TwinState } from './state';
import type { TwinEvent } from './webhook-delivery';

export interface AdminRuntime {
  state(): TwinState;
  urls: { apiUrl: string; authUrl: string; adminUrl: string };
  clientId: string;
  clientSecret: string;
  oauth: OAuthServer;
  limiter: TwinRateWindow;
  defaultRateLimit: number;
  faults: FaultInjector;
  calls: Record<string, number>;
  webhookCounts(): { delivered: number; failed: number };
  reset(seed: number | undefined, size: TwinSize | undefined): void;
  /** A context for generated records (continues the seeded PRNG sequence). */
  generationContext(): { ctx: TwinContext; events: TwinEvent[]; done: () => void };
  deliver(events: readonly TwinEvent[]): void;
  changed(): void;
  /** A stored record as its `*.info` (or list) answer shows it. */
  asAnswered(type: EntityType, record: unknown): unknown;
}

const ResetBody = z.object({
  seed: z.number().int().optional(),
  size: z.enum(['small', 'medium', 'large']).optional(),
});
const GenerateBody = z.object({
  type: z.enum(GENERATED_TYPES as [GeneratedType, ...GeneratedType[]]),
  count: z.number().int().min(1).max(10_000).default(1),
});
const AuthorizeBody = z.object({
  client_id: z.string(),
  redirect_uri: z.string(),
  state: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
});

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiFailure(400, 'The request body is not valid JSON');
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw new ApiFailure(400, `${field || 'body'}: ${issue?.message ?? 'invalid'}`, field || undefined);
}

const isEntityType = (value: string): value is EntityType =>
  (ENTITY_TYPES as readonly string[]).includes(value);

/**
 * `/_sandbox/*`: the twin's admin API for tests and the built-in sandbox. Never rate limited,
 * never faulted.
 */
export async function handleAdmin(
  rt: AdminRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`;
  try {
    const entity = /^GET \/_sandbox\/entities\/([A-Za-z]+)(?:\/([^/]+))?$/.exec(route);
    if (entity) {
      const [, type = '', id] = entity;
      if (type === 'webhooks') return sendJson(res, 200, rt.state().webhooks);
      if (!isEntityType(type)) {
        throw new ApiFailure(
          404,
          `Unknown entity type ${type}; known: ${[...ENTITY_TYPES, 'webhooks'].join(', ')}`,
        );
      }
      const records = rt.state().records[type];
      if (id === undefined)
        return sendJson(
          res,
          200,
          Object.values(records).map((r) => rt.asAnswered(type, r)),
        );
      const record = records[id];
      if (!record) throw new ApiFailure(404, `No ${type} record ${id}`);
      return sendJson(res, 200, rt.asAnswered(type, record));
    }
    switch (route) {
      case 'GET /_sandbox': {
        const state = rt.state();
        return sendJson(res, 200, {
          ...rt.urls,
          clientId: rt.clientId,
          clientSecret: rt.clientSecret,
          seed: state.seed,
          size: state.size,
          accountId: state.accountId,
          entityTypes: [...ENTITY_TYPES, 'webhooks'],
        });
      }
      case 'POST /_sandbox/reset': {
        const body = parse(ResetBody, await jsonBody(req));
        rt.reset(body.seed, body.size);
        return sendJson(res, 200, { seed: rt.state().seed, size: rt.state().size });
      }
      case 'POST /_sandbox/generate': {
        const body = parse(GenerateBody, await jsonBody(req));
        const { ctx, events, done } = rt.generationContext();
        const pool = createPool(rt.state());
        const ids = Array.from({ length: body.count }, () => GENERATORS[body.type](ctx, pool));
        done();
        rt.changed();
        rt.deliver(events);
        return sendJson(res, 200, { type: body.type, ids });
      }
      case 'GET /_sandbox/faults':
        return sendJson(res, 200, rt.faults.current);
      case 'DELETE /_sandbox/faults':
      case 'POST /_sandbox/faults': {
        const faults = route.startsWith('DELETE') ? {} : parse(TwinFaults, await jsonBody(req));
        if (faults.expireTokens) rt.oauth.expireAccessTokens();
        const { expireTokens: _once, ...lasting } = faults;
        rt.faults.set(lasting);
        rt.limiter.limit = lasting.rateLimitPerMinute ?? rt.defaultRateLimit;
        return sendJson(res, 200, rt.faults.current);
      }
      case 'GET /_sandbox/stats':
        return sendJson(res, 200, {
          calls: rt.calls,
          rateLimited: rt.limiter.rateLimited,
          faults: rt.faults.counts,
          webhooks: rt.webhookCounts(),
        });
      case 'POST /_sandbox/stats/reset': {
        for (const key of Object.keys(rt.calls)) removeKey(rt.calls, key);
        rt.limiter.rateLimited = 0;
        return sendJson(res, 200, { calls: rt.calls, rateLimited: 0 });
      }
      case 'POST /_sandbox/authorize': {
        const body = parse(AuthorizeBody, await jsonBody(req));
        const granted = rt.oauth.sandboxAuthorize(body);
        if (typeof granted === 'string') throw new ApiFailure(400, granted);
        return sendJson(res, 200, granted);
      }
      default:
        throw new ApiFailure(404, `No sandbox route ${route}`);
    }
  } catch (error) {
    if (error instanceof ApiFailure) return sendError(res, error.status, error.title, error.field);
    throw error;
  }
}
