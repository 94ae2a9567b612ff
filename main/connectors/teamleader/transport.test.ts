/**
 * How the client reads answers the twin never gives: the live API's known deviations from the spec
 * (accepted) and answers that break the spec's types (refused), and 401s in a scripted order. A small
 * local server plays the API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamleaderClient, type TeamleaderClient } from './client';
import { TeamleaderAuthError, TeamleaderPermanentError } from './errors';
import { createMemoryTokenStore } from './tokens';

const answers = new Map<string, unknown>();
let server: http.Server;
let client: TeamleaderClient;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = answers.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body ?? { errors: [{ title: 'Not found' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createTeamleaderClient({
    apiBaseUrl: base,
    authBaseUrl: base,
    clientId: 'id',
    clientSecret: 'secret',
    maxRetries: 0,
    tokenStore: createMemoryTokenStore({
      access_token: 'at',
      refresh_token: 'rt',
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    }),
  });
});
afterAll(() => {
  server.close();
});

describe('reading answers', () => {
  it('accepts enum values the spec does not list and nulls on nullable references', async () => {
    // deals.info lists open|won|lost; the live API also says `new`.
    answers.set('/deals.info', { data: { id: 'd1', title: 'Deal', status: 'new', lost_reason: null } });
    expect(await client.deals.info({ id: 'd1' })).toMatchObject({ status: 'new' });
    // `deal`, `file` and `project` are `allOf: [Ref, {nullable: true}]`: null by the API's word.
    answers.set('/invoices.list', {
      data: [{ id: 'i1', status: 'draft', deal: null, file: null, project: null }],
    });
    expect((await client.invoices.list())[0]).toMatchObject({ deal: null, file: null });
  });

  it('refuses an answer whose types break the spec, naming the field (permanent)', async () => {
    answers.set('/users.me', { data: { id: 42, first_name: 'An' } });
    const error = await client.users.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamleaderPermanentError);
    expect((error as Error).message).toContain('data.id must be string');
  });
});

describe('401s and refreshes', () => {
  /** A server that answers `users.me` with the scripted statuses in turn and refreshes every time. */
  async function scripted(statuses: number[]) {
    const seen: string[] = [];
    let issued = 0;
    const scriptServer = http.createServer((req, res) => {
      if (req.url === '/oauth2/access_token') {
        issued++;
        seen.push('refresh');
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            token_type: 'Bearer',
            expires_in: 3600,
            access_token: `at-${issued}`,
            refresh_token: `rt-${issued}`,
          }),
        );
        return;
      }
      const status = statuses.shift() ?? 200;
      seen.push(`${status} ${req.headers.authorization ?? ''}`);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 200
            ? { data: { id: 'u1', first_name: 'An', account: { type: 'account', id: 'a1' } } }
            : { errors: [{ title: status === 401 ? 'Access token expired' : 'Try again' }] },
        ),
      );
    });
    await new Promise<void>((resolve) => scriptServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(scriptServer.address() as AddressInfo).port}`;
    const scriptedClient = createTeamleaderClient({
      apiBaseUrl: base,
      authBaseUrl: base,
      clientId: 'id',
      clientSecret: 'secret',
      maxRetries: 3,
      retryBaseDelayMs: 1,
      tokenStore: createMemoryTokenStore({
        access_token: 'at-0',
        refresh_token: 'rt-0',
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    });
    return { client: scriptedClient, seen, close: () => scriptServer.close() };
  }

  it('counts refreshes in a row: another answer between 401s starts the count again', async () => {
    const { client: scriptedClient, seen, close } = await scripted([401, 401, 503, 401, 401]);
    try {
      expect((await scriptedClient.users.me()).id).toBe('u1');
      expect(seen).toEqual([
        '401 Bearer at-0',
        'refresh',
        '401 Bearer at-1',
        'refresh',
        '503 Bearer at-2',
        '401 Bearer at-2',
        'refresh',
        '401 Bearer at-3',
        'refresh',
        '200 Bearer at-4',
      ]);
      expect(scriptedClient.stats().refreshes).toBe(4);
    } finally {
      close();
    }
  });

  it('still reports a token refused three times in a row, after two refreshes', async () => {
    const { client: scriptedClient, seen, close } = await scripted([401, 401, 401, 200]);
    try {
      const error = await scriptedClient.users.me().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TeamleaderAuthError);
      expect((error as TeamleaderAuthError).title).toBe('Access token expired');
      expect(seen).toEqual(['401 Bearer at-0', 'refresh', '401 Bearer at-1', 'refresh', '401 Bearer at-2']);
    } finally {
      close();
    }
  });
});
