/**
 * How the client reads answers the twin never gives: the live API's known deviations from the spec
 * (accepted) and answers that break the spec's types (refused). A small local server plays the API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamleaderClient, type TeamleaderClient } from './client';
import { TeamleaderPermanentError } from './errors';
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
