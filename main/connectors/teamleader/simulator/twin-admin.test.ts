import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTwinClient, TEST_REDIRECT_URI, twinAdmin, twinTokens } from './testing';
import { startTeamleaderTwin, type TeamleaderTwin } from './twin';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-tl-twin-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function listOf(twin: TeamleaderTwin, type: string): Promise<unknown[]> {
  const list = await twinAdmin(twin, `/entities/${type}`);
  if (!Array.isArray(list)) throw new Error(`${type} is not a list`);
  return list;
}

describe('seed', () => {
  it('is the same for the same seed and different for another', async () => {
    const [a, b, c] = await Promise.all([
      startTeamleaderTwin({ seed: 5 }),
      startTeamleaderTwin({ seed: 5 }),
      startTeamleaderTwin({ seed: 6 }),
    ]);
    try {
      for (const type of ['contacts', 'companies', 'products', 'invoices', 'deals']) {
        expect(await listOf(a, type)).toEqual(await listOf(b, type));
      }
      expect(await listOf(a, 'contacts')).not.toEqual(await listOf(c, 'contacts'));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('sizes the account: tens of records when small, hundreds when medium', async () => {
    const medium = await startTeamleaderTwin({ size: 'medium' });
    const small = await startTeamleaderTwin();
    try {
      expect((await listOf(small, 'products')).length).toBe(40);
      expect((await listOf(medium, 'products')).length).toBe(400);
      expect((await listOf(medium, 'invoices')).length).toBe(300);
      const countries = new Set(
        (await listOf(small, 'companies')).map((c) => JSON.stringify(c).match(/"country":"(\w\w)"/)?.[1]),
      );
      expect([...countries].sort()).toEqual(['BE', 'DE', 'FR', 'NL']);
    } finally {
      await Promise.all([medium.close(), small.close()]);
    }
  });
});

describe('admin API', () => {
  let twin: TeamleaderTwin;
  beforeAll(async () => {
    twin = await startTeamleaderTwin({ seed: 9 });
  });
  afterAll(async () => {
    await twin.close();
  });

  it('generates new records of a type and reports them', async () => {
    const before = (await listOf(twin, 'invoices')).length;
    const answer = await twinAdmin(twin, '/generate', { type: 'invoices', count: 7 });
    expect(answer).toMatchObject({ type: 'invoices', ids: expect.any(Array) });
    expect((await listOf(twin, 'invoices')).length).toBe(before + 7);
    await expect(twinAdmin(twin, '/generate', { type: 'unicorns', count: 1 })).rejects.toThrow(/400/);
  });

  it('resets the data to the seed but keeps connections working', async () => {
    const { client } = await connectTwinClient(twin);
    await client.contacts.add({ last_name: 'Tijdelijk' });
    const seeded = (await listOf(twin, 'contacts')).length;
    await twinAdmin(twin, '/reset', {});
    expect((await listOf(twin, 'contacts')).length).toBe(seeded - 1);
    expect((await client.users.me()).id).toBeTruthy();
  });

  it('counts calls per operation and 429s in /stats', async () => {
    const { client } = await connectTwinClient(twin);
    await twinAdmin(twin, '/stats/reset', {});
    await client.unitsOfMeasure.list();
    await client.unitsOfMeasure.list();
    expect(await twinAdmin(twin, '/stats')).toMatchObject({
      calls: { 'unitsOfMeasure.list': 2 },
      rateLimited: 0,
    });
  });

  it('adds latency to API answers when asked', async () => {
    const { client } = await connectTwinClient(twin);
    await twinAdmin(twin, '/faults', { latencyMs: 150 });
    const started = Date.now();
    await client.unitsOfMeasure.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await twinAdmin(twin, '/faults', {});
  });

  it('adds latency to the answers of the operations named, before they run', async () => {
    const { client } = await connectTwinClient(twin);
    await twinAdmin(twin, '/faults', { operationLatencyMs: { 'products.add': 300 } });
    let started = Date.now();
    await client.unitsOfMeasure.list();
    expect(Date.now() - started).toBeLessThan(250);
    started = Date.now();
    const adding = client.products.add({ name: 'Slow', code: 'KOPPEL-SLOW' });
    // Not made until its latency has passed: a look-up meanwhile does not find it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const meanwhile = await client.products.list({ filter: { term: 'KOPPEL-SLOW' } });
    expect(meanwhile.filter((product) => product.code === 'KOPPEL-SLOW')).toHaveLength(0);
    await adding;
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const after = await client.products.list({ filter: { term: 'KOPPEL-SLOW' } });
    expect(after.filter((product) => product.code === 'KOPPEL-SLOW')).toHaveLength(1);
    await twinAdmin(twin, '/faults', {});
  });

  it('delivers webhooks with ids only', async () => {
    const received: unknown[] = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const { client } = await connectTwinClient(twin);
      await client.webhooks.register({ url, types: ['contact.added'] });
      expect(await client.webhooks.list()).toEqual([{ url, types: ['contact.added'] }]);
      const { id } = await client.contacts.add({ last_name: 'Webhook' });
      await expect.poll(() => received.length).toBe(1);
      expect(received[0]).toMatchObject({
        type: 'contact.added',
        subject: { type: 'contact', id },
        account: { type: 'account' },
      });
      await client.webhooks.unregister({ url, types: ['contact.added'] });
      expect(await client.webhooks.list()).toEqual([]);
    } finally {
      receiver.close();
    }
  });
});

describe('rate limit headers', () => {
  it('are on every answer, also a 401, a 404 and a 405, which count nothing', async () => {
    // Tokens live 3 s, so one expires by the end (the calls before take well under that).
    const twin = await startTeamleaderTwin({ seed: 5, rateLimitPerMinute: 5, tokenTtlSeconds: 3 });
    try {
      const { access_token: token } = await twinTokens(twin);
      const call = async (op: string, bearer?: string, method = 'POST') => {
        const answer = await fetch(`${twin.apiUrl}/${op}`, {
          method,
          headers: {
            'Content-Type': 'application/json',
            ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
          },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        await answer.text();
        const reset = answer.headers.get('x-ratelimit-reset') ?? '';
        // An absolute time with milliseconds and an offset without colon (reference §4).
        expect(reset, `${op} ${answer.status}`).toMatch(
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/,
        );
        return {
          status: answer.status,
          limit: answer.headers.get('x-ratelimit-limit'),
          remaining: answer.headers.get('x-ratelimit-remaining'),
          version: answer.headers.get('x-api-version'),
        };
      };
      expect(await call('unitsOfMeasure.list', token)).toMatchObject({
        status: 200,
        limit: '5',
        remaining: '4',
      });
      // No valid token: no integration's window; nothing is counted.
      expect(await call('unitsOfMeasure.list')).toMatchObject({ status: 401, limit: '5', remaining: '5' });
      expect(await call('unitsOfMeasure.list', 'not-a-token')).toMatchObject({ status: 401, remaining: '5' });
      // The wrong method: the caller's window as it stands.
      expect(await call('contacts.add', token, 'PUT')).toMatchObject({
        status: 405,
        limit: '5',
        remaining: '4',
        version: expect.any(String),
      });
      // No such operation: 404, the caller's window as it stands, nothing counted.
      expect(await call('contacts.frobnicate', token)).toMatchObject({
        status: 404,
        limit: '5',
        remaining: '4',
      });
      expect(await call('unitsOfMeasure.list', token)).toMatchObject({ status: 200, remaining: '3' });
      // An expired token: its integration's window.
      await new Promise((resolve) => setTimeout(resolve, 3_100));
      expect(await call('unitsOfMeasure.list', token)).toMatchObject({ status: 401, remaining: '3' });
    } finally {
      await twin.close();
    }
  });
});

describe('OAuth', () => {
  let twin: TeamleaderTwin;
  beforeAll(async () => {
    twin = await startTeamleaderTwin({ tokenTtlSeconds: 1 });
  });
  afterAll(async () => {
    await twin.close();
  });

  it('redirects with access_denied when the user denies', async () => {
    const form = new URLSearchParams({
      client_id: twin.clientId,
      redirect_uri: TEST_REDIRECT_URI,
      state: 'st',
      decision: 'deny',
    });
    const answer = await fetch(`${twin.authUrl}/oauth2/authorize`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    const location = new URL(answer.headers.get('location') ?? '');
    expect([
      location.searchParams.get('error'),
      location.searchParams.get('state'),
      location.searchParams.get('code'),
    ]).toEqual(['access_denied', 'st', null]);
  });

  it('refuses an unknown client on the consent page and a wrong secret at the token endpoint', async () => {
    const page = await fetch(
      `${twin.authUrl}/oauth2/authorize?client_id=nope&response_type=code&redirect_uri=${encodeURIComponent(TEST_REDIRECT_URI)}`,
    );
    expect(page.status).toBe(400);
    const token = await fetch(`${twin.authUrl}/oauth2/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: twin.clientId,
        client_secret: 'wrong',
        refresh_token: 'x',
      }),
    });
    expect(token.status).toBe(401);
    expect(await token.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('expires access tokens after tokenTtlSeconds; the client refreshes and carries on', async () => {
    const { client, tokenStore } = await connectTwinClient(twin);
    const first = await tokenStore.load();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await client.users.me()).id).toBeTruthy();
    expect((await tokenStore.load())?.access_token).not.toBe(first?.access_token);
  });
});

describe('state file', () => {
  it('survives a restart: records are back, tokens are not (never written to disk)', async () => {
    const stateFile = path.join(tempDir(), 'teamleader.json');
    const first = await startTeamleaderTwin({ stateFile, seed: 4 });
    const { client, tokenStore } = await connectTwinClient(first);
    const { id } = await client.contacts.add({
      last_name: 'Blijvend',
      emails: [{ type: 'primary', email: 'blijf@example.be' }],
    });
    await first.close();
    expect(fs.readdirSync(path.dirname(stateFile))).toEqual(['teamleader.json']);
    const tokens = await tokenStore.load();
    const written = fs.readFileSync(stateFile, 'utf8');
    expect(written).toContain('blijf@example.be');
    expect(written).not.toContain(tokens?.access_token ?? '<none>');
    expect(written).not.toContain(tokens?.refresh_token ?? '<none>');

    const second = await startTeamleaderTwin({ stateFile, port: first.port });
    try {
      await expect(client.contacts.info({ id })).rejects.toMatchObject({ kind: 'auth' });
      const again = await connectTwinClient(second);
      const info = await again.client.contacts.info({ id });
      expect(info.emails).toEqual([{ type: 'primary', email: 'blijf@example.be' }]);
      await twinAdmin(second, '/reset', { seed: 4 });
      await expect(again.client.contacts.info({ id })).rejects.toMatchObject({ status: 404 });
    } finally {
      await second.close();
    }
  });

  it('moves an unreadable state file aside and starts from the seed', async () => {
    const dir = tempDir();
    const stateFile = path.join(dir, 'teamleader.json');
    fs.writeFileSync(stateFile, '{"version": 1, "records": ');
    const twin = await startTeamleaderTwin({ stateFile });
    try {
      expect((await listOf(twin, 'contacts')).length).toBe(40);
      expect(fs.readdirSync(dir).some((f) => f.startsWith('teamleader.json.unreadable-'))).toBe(true);
    } finally {
      await twin.close();
    }
  });
});
