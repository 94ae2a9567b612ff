import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTeamleaderClient } from './client';
import { TeamleaderAuthError, TeamleaderPermanentError, TeamleaderTransientError } from './errors';
import { buildAuthorizeUrl, createPkcePair, refreshTokens } from './oauth';
import {
  authorizeOnTwin,
  connectTwinClient,
  TEST_REDIRECT_URI,
  twinAdmin,
  twinCalls,
  twinTokens,
} from './simulator/testing';
import { startTeamleaderTwin, type TeamleaderTwin } from './simulator/twin';
import { createMemoryTokenStore } from './tokens';

let twin: TeamleaderTwin;

beforeAll(async () => {
  twin = await startTeamleaderTwin({ seed: 3, rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await twin.close();
});
beforeEach(async () => {
  await twinAdmin(twin, '/faults', {});
});

async function count(type: string): Promise<number> {
  const list = await twinAdmin(twin, `/entities/${type}`);
  return Array.isArray(list) ? list.length : -1;
}

describe('authorization code grant', () => {
  it('goes through the consent page, exchanges the code with PKCE and stores the tokens', async () => {
    const { codeVerifier, codeChallenge } = createPkcePair();
    const url = buildAuthorizeUrl({
      authBaseUrl: twin.authUrl,
      clientId: twin.clientId,
      redirectUri: TEST_REDIRECT_URI,
      state: 's-1',
      codeChallenge,
    });
    const page = await fetch(url);
    const html = await page.text();
    expect(html).toContain('Authorize Koppel');
    const form = new URLSearchParams({
      client_id: twin.clientId,
      redirect_uri: TEST_REDIRECT_URI,
      state: 's-1',
      code_challenge: codeChallenge,
      decision: 'approve',
    });
    const approved = await fetch(`${twin.authUrl}/oauth2/authorize`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(TEST_REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('s-1');
    const code = location.searchParams.get('code') ?? '';

    const tokenStore = createMemoryTokenStore();
    const client = createTeamleaderClient({
      apiBaseUrl: twin.apiUrl,
      authBaseUrl: twin.authUrl,
      clientId: twin.clientId,
      clientSecret: twin.clientSecret,
      redirectUri: TEST_REDIRECT_URI,
      tokenStore,
    });
    const tokens = await client.connect(code, codeVerifier);
    expect(tokenStore.saved).toEqual([tokens]);
    const me = await client.users.me();
    expect(me.account?.type).toBe('account');
    // Codes are single-use.
    await expect(client.connect(code, codeVerifier)).rejects.toMatchObject({
      kind: 'auth',
      oauthError: 'invalid_grant',
    });
  });

  it('refuses a code exchange whose PKCE verifier does not match', async () => {
    const { codeChallenge } = createPkcePair();
    const code = await authorizeOnTwin(twin, { codeChallenge });
    const client = createTeamleaderClient({
      apiBaseUrl: twin.apiUrl,
      authBaseUrl: twin.authUrl,
      clientId: twin.clientId,
      clientSecret: twin.clientSecret,
      redirectUri: TEST_REDIRECT_URI,
      tokenStore: createMemoryTokenStore(),
    });
    const error = await client.connect(code, createPkcePair().codeVerifier).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamleaderAuthError);
    expect(error).toMatchObject({
      oauthError: 'invalid_grant',
      title: expect.stringContaining('code_verifier'),
    });
  });
});

describe('token refresh', () => {
  it('refreshes once for two concurrent callers, saves before use, and rotates the refresh token', async () => {
    const tokens = await twinTokens(twin);
    const stale = { ...tokens, expires_at: new Date(Date.now() - 1000).toISOString() };
    const tokenStore = createMemoryTokenStore(stale);
    const client = createTeamleaderClient({
      apiBaseUrl: twin.apiUrl,
      authBaseUrl: twin.authUrl,
      clientId: twin.clientId,
      clientSecret: twin.clientSecret,
      tokenStore,
    });
    const [me, departments] = await Promise.all([client.users.me(), client.departments.list()]);
    expect(me.id).toBeTruthy();
    expect(departments.length).toBe(2);
    expect(tokenStore.saved).toHaveLength(1);
    expect(tokenStore.saved[0]?.refresh_token).not.toBe(tokens.refresh_token);
    // The old refresh token is dead now (single use).
    await expect(
      refreshTokens({
        authBaseUrl: twin.authUrl,
        clientId: twin.clientId,
        clientSecret: twin.clientSecret,
        refreshToken: tokens.refresh_token,
      }),
    ).rejects.toMatchObject({ kind: 'auth', oauthError: 'invalid_grant' });
  });

  it('survives access tokens expiring mid-sequence: one refresh, one retry, no failed call', async () => {
    const { client, tokenStore } = await connectTwinClient(twin);
    const names: string[] = [];
    for (let i = 0; i < 6; i++) {
      if (i === 3) await twinAdmin(twin, '/faults', { expireTokens: true });
      const [a, b] = await Promise.all([client.users.me(), client.taxRates.list()]);
      names.push(a.first_name ?? '', String(b.length));
    }
    expect(names).toHaveLength(12);
    expect(tokenStore.saved).toHaveLength(1);
    expect(client.stats().refreshes).toBeGreaterThanOrEqual(1);
  });

  it('refreshes again when the fresh token is invalidated before its retry, then reports a 401 that outlasts two refreshes', async () => {
    const tokens = await twinTokens(twin);
    const memory = createMemoryTokenStore(tokens);
    let expireOnSave = 1;
    const client = createTeamleaderClient({
      apiBaseUrl: twin.apiUrl,
      authBaseUrl: twin.authUrl,
      clientId: twin.clientId,
      clientSecret: twin.clientSecret,
      tokenStore: {
        load: () => memory.load(),
        // Saved before use: expiring every token here kills the fresh one before its first call.
        async save(next) {
          await memory.save(next);
          if (expireOnSave-- > 0) await twinAdmin(twin, '/faults', { expireTokens: true });
        },
      },
    });
    await twinAdmin(twin, '/faults', { expireTokens: true });
    const me = await client.users.me();
    expect(me.id).toBeTruthy();
    expect(client.stats().refreshes).toBe(2);

    expireOnSave = 2;
    await twinAdmin(twin, '/faults', { expireTokens: true });
    await expect(client.users.me()).rejects.toBeInstanceOf(TeamleaderAuthError);
    expect(client.stats().refreshes).toBe(4);
  });

  it('reports a revoked refresh token as an auth error', async () => {
    const tokens = await twinTokens(twin);
    const tokenStore = createMemoryTokenStore({
      ...tokens,
      refresh_token: 'rt_revoked',
      expires_at: new Date(0).toISOString(),
    });
    const client = createTeamleaderClient({
      apiBaseUrl: twin.apiUrl,
      authBaseUrl: twin.authUrl,
      clientId: twin.clientId,
      clientSecret: twin.clientSecret,
      tokenStore,
    });
    await expect(client.users.me()).rejects.toMatchObject({ kind: 'auth', oauthError: 'invalid_grant' });
  });
});

describe('paging', () => {
  it('streams every contact over 250 records in pages of 100 and stops on the short page', async () => {
    const target = 260;
    const existing = await count('contacts');
    await twinAdmin(twin, '/generate', { type: 'contacts', count: target - existing });
    const { client } = await connectTwinClient(twin);
    const before = await twinCalls(twin, 'contacts.list');
    const ids: string[] = [];
    for await (const contact of client.contacts.iterate()) ids.push(contact.id ?? '');
    expect(ids).toHaveLength(target);
    expect(new Set(ids).size).toBe(target);
    expect((await twinCalls(twin, 'contacts.list')) - before).toBe(3);
  });

  it('reads a list without paging in one call (departments.list ignores page)', async () => {
    const { client } = await connectTwinClient(twin);
    const departments = await client.departments.list();
    expect(departments.map((d) => d.name)).toEqual(['Koppel Demo BV', 'Koppel Demo Horeca BV']);
  });
});

describe('empty values', () => {
  it('reads a contact whose empty fields come back null, as the API sends them', async () => {
    const { client } = await connectTwinClient(twin);
    const { id } = await client.contacts.add({ first_name: 'Lien', last_name: 'Peeters' });
    // The twin answers like the live API (design guideline: empty scalars are null)…
    const raw = await fetch(`${twin.apiUrl}/contacts.info`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${(await twinTokens(twin)).access_token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ id }),
    });
    const answer = (await raw.json()) as { data: Record<string, unknown> };
    expect(answer.data).toMatchObject({
      id,
      website: null,
      vat_number: null,
      birthdate: null,
      remarks: null,
    });
    expect(answer.data.status).toBe('active');
    // …and the client reads those answers, one by one and in pages (the literal spec forbids them).
    const contact = await client.contacts.info({ id });
    expect(contact).toMatchObject({ id, first_name: 'Lien', website: null, iban: null });
    const listed = await client.contacts.list({ filter: { ids: [id] } });
    expect(listed).toMatchObject([{ id, website: null, salutation: null }]);
  });
});

describe('errors and retries', () => {
  it('names the field and carries the API title for a refused request (permanent)', async () => {
    const { client } = await connectTwinClient(twin);
    // A type the spec does not allow, sent on purpose (the types would refuse it at compile time).
    const error = await client.contacts
      .add({ last_name: 'Peeters', emails: [{ type: 'work' as 'primary', email: 'an@example.be' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamleaderPermanentError);
    expect(error).toMatchObject({
      kind: 'permanent',
      status: 400,
      field: 'emails.0.type',
      endpoint: 'contacts.add',
    });
    expect(String((error as Error).message)).toContain(
      'emails.0.type must be equal to one of the allowed values',
    );
    const missing = await client.contacts
      .info({ id: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: 'permanent', status: 404 });
  });

  it('retries reads through server errors with backoff and succeeds', async () => {
    const { client } = await connectTwinClient(twin);
    await twinAdmin(twin, '/faults', { errorRate: 0.5, statuses: [500, 502], seed: 11 });
    for (let i = 0; i < 10; i++) await client.paymentMethods.list();
    expect(client.stats().retries).toBeGreaterThan(0);
  });

  it('does not retry a write after a 500 and says it may have been applied; the twin did not apply it', async () => {
    const { client } = await connectTwinClient(twin);
    const before = await count('contacts');
    await twinAdmin(twin, '/faults', { errorRate: 1, statuses: [500], operations: ['contacts.add'] });
    const error = await client.contacts.add({ last_name: 'Nooit' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamleaderTransientError);
    expect(error).toMatchObject({ kind: 'transient', status: 500, maybeApplied: true });
    expect(client.stats().retries).toBe(0);
    expect(await count('contacts')).toBe(before);
  });

  it('fails a refused read at once, in the words of its status (a missing scope)', async () => {
    const { client } = await connectTwinClient(twin);
    await twinAdmin(twin, '/faults', { errorRate: 1, statuses: [403], operations: ['paymentTerms.list'] });
    const error = await client.call('paymentTerms.list', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403 });
    expect(String((error as Error).message)).toContain(
      'Not allowed (missing scope or permission) (sandbox fault)',
    );
    expect(client.stats().retries).toBe(0);
    // The other lists are read as before.
    expect((await client.paymentMethods.list()).length).toBeGreaterThan(0);
  });

  it('retries a write after 503 (not processed) and applies it exactly once', async () => {
    const { client } = await connectTwinClient(twin);
    const before = await count('contacts');
    await twinAdmin(twin, '/faults', {
      errorRate: 0.6,
      statuses: [503],
      operations: ['contacts.add'],
      seed: 5,
    });
    for (let i = 0; i < 5; i++) await client.contacts.add({ last_name: `Retry ${i}` });
    expect(await count('contacts')).toBe(before + 5);
    expect(client.stats().retries).toBeGreaterThan(0);
  });

  it('reports a lost answer to a write without retrying it; the twin applied it once', async () => {
    const { client } = await connectTwinClient(twin);
    const before = await count('contacts');
    await twinAdmin(twin, '/faults', { lostResponseRate: 1, operations: ['contacts.add'] });
    const error = await client.contacts.add({ last_name: 'Verloren' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', maybeApplied: true });
    expect(await count('contacts')).toBe(before + 1);
  });

  it('retries an unreadable answer to a read, and reports one to a write without applying it', async () => {
    const { client } = await connectTwinClient(twin);
    await twinAdmin(twin, '/faults', { malformedRate: 0.5, seed: 3, operations: ['users.me'] });
    for (let i = 0; i < 6; i++) expect((await client.users.me()).id).toBeTruthy();
    const before = await count('contacts');
    await twinAdmin(twin, '/faults', { malformedRate: 1, operations: ['contacts.add'] });
    await expect(client.contacts.add({ last_name: 'Kapot' })).rejects.toMatchObject({
      kind: 'transient',
      maybeApplied: true,
    });
    expect(await count('contacts')).toBe(before);
  });

  it('times out a hanging request, retries a read, and gives up after the bound', async () => {
    const { client } = await connectTwinClient(twin, { timeoutMs: 200, maxRetries: 1 });
    await twinAdmin(twin, '/faults', { timeoutRate: 1, operations: ['users.me'] });
    const error = await client.users.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', title: expect.stringContaining('timed out') });
    expect(client.stats().calls['users.me']).toBe(2);
  });
});

describe('rate limiting', () => {
  it('waits out 429s until X-RateLimit-Reset and completes every call', async () => {
    const limited = await startTeamleaderTwin({ seed: 3, rateLimitPerMinute: 5, rateLimitWindowMs: 600 });
    try {
      // The client believes it may send 50 per window: the twin's 429s must slow it down.
      const { client } = await connectTwinClient(limited, { rateLimitPerMinute: 50, rateLimitWindowMs: 600 });
      const results = await Promise.all(Array.from({ length: 12 }, () => client.unitsOfMeasure.list()));
      expect(results.every((units) => units.length === 4)).toBe(true);
      const stats = await twinAdmin(limited, '/stats');
      const refused =
        typeof stats === 'object' && stats !== null && 'rateLimited' in stats ? stats.rateLimited : 0;
      expect(refused).toBeGreaterThan(0);
      expect(client.stats().rateLimited).toBe(refused);
    } finally {
      await limited.close();
    }
  });

  it('adapts to X-RateLimit-Limit and stays under the limit without a 429', async () => {
    const limited = await startTeamleaderTwin({ seed: 3, rateLimitPerMinute: 8, rateLimitWindowMs: 500 });
    try {
      const { client } = await connectTwinClient(limited, {
        rateLimitPerMinute: 200,
        rateLimitWindowMs: 500,
      });
      await client.unitsOfMeasure.list(); // learns the limit of 8 from the headers
      await Promise.all(Array.from({ length: 20 }, () => client.unitsOfMeasure.list()));
      expect(client.stats().rateLimited).toBe(0);
    } finally {
      await limited.close();
    }
  });
});
