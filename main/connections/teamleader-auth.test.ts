import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { startTeamleaderTwin, TeamleaderTokens, type TeamleaderTwin } from '../connectors/teamleader';
import type { Keychain } from '../vault/keychain';
import type { Vault } from '../vault/vault';
import { ConnectionRegistry, secretFields } from './registry';
import { TeamleaderAuthFlows } from './teamleader-auth';
import { approveInBrowser, tempDataDir, testKeychain, testSettings, testVault } from './testing/fixtures';
import { koppelRejectionOf } from '../../shared/api/testing/koppel-error-of';

const CLIENT_ID = 'live-integration';
const CLIENT_SECRET = 'live-client-secret-93be1';

describe('Teamleader OAuth round trip against the twin (real keychain)', () => {
  let keychain: Keychain;
  let twin: TeamleaderTwin;
  let dataDir: string;
  let vault: Vault;
  let registry: ConnectionRegistry;
  let flows: TeamleaderAuthFlows;
  let opened: string[];

  beforeAll(async () => {
    keychain = await testKeychain();
    twin = await startTeamleaderTwin({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  });
  afterAll(async () => {
    await twin?.close();
  });
  beforeEach(() => {
    dataDir = tempDataDir();
    vault = testVault(keychain);
    registry = new ConnectionRegistry({ settings: testSettings(dataDir), vault });
    opened = [];
    flows = new TeamleaderAuthFlows({
      registry,
      // The web host: no browser to open, the renderer opens the URL itself.
      openExternal: async (url) => {
        opened.push(url);
        return false;
      },
      timeoutMs: 10_000,
    });
    return async () => {
      await flows.dispose();
      for (const id of ['teamleader', 'teamleader-2']) await vault.deleteAll(id, secretFields('teamleader'));
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  });

  const start = (clientSecret = CLIENT_SECRET) =>
    flows.start({
      name: 'Our Teamleader',
      clientId: CLIENT_ID,
      clientSecret,
      apiBaseUrl: twin.apiUrl,
      authBaseUrl: twin.authUrl,
    });

  it('opens the authorize page with state and PKCE, receives the code on 127.0.0.1 and stores the tokens', async () => {
    const started = await start();
    expect(started.opened).toBe(false);
    expect(opened).toEqual([started.authorizeUrl]);
    const url = new URL(started.authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${twin.authUrl}/oauth2/authorize`);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe(started.redirectUri);
    expect(started.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(flows.status(started.authId).state).toBe('pending');
    // Nothing is saved before Teamleader said yes.
    expect(registry.store.find(started.connectionId)).toBeUndefined();

    const landing = await approveInBrowser(started.authorizeUrl);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Koppel is connected to Teamleader');

    const done = await flows.wait(started.authId);
    expect(done.state).toBe('succeeded');
    expect(done.connection).toMatchObject({
      id: 'teamleader',
      name: 'Our Teamleader',
      kind: 'teamleader',
      mode: 'live',
      status: 'connected',
      credentials: 'stored',
      config: { apiBaseUrl: twin.apiUrl, authBaseUrl: twin.authUrl, clientId: CLIENT_ID },
      account: { userName: 'Arne Dubois', companyName: 'Koppel Demo BV' },
    });
    expect(await keychain.get('teamleader/clientSecret')).toBe(CLIENT_SECRET);
    const tokens = TeamleaderTokens.parse(JSON.parse((await keychain.get('teamleader/tokens')) ?? 'null'));
    expect(fs.readFileSync(`${dataDir}/settings.json`, 'utf8')).not.toContain(tokens.refresh_token);

    const client = await registry.teamleader();
    const account = done.connection?.kind === 'teamleader' ? done.connection.account : undefined;
    expect((await client.users.me()).email).toBe(account?.userEmail);
    expect(account?.userEmail).toMatch(/@/);
  });

  it('saves the rotated refresh token in the keychain before using the new access token', async () => {
    const started = await start();
    await approveInBrowser(started.authorizeUrl);
    await flows.wait(started.authId);
    const before = TeamleaderTokens.parse(JSON.parse((await keychain.get('teamleader/tokens')) ?? 'null'));

    // Every access token issued so far stops working: the next call gets a 401 and refreshes.
    await fetch(`${twin.adminUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expireTokens: true }),
    });
    const client = await registry.teamleader();
    await client.users.me();
    const after = TeamleaderTokens.parse(JSON.parse((await keychain.get('teamleader/tokens')) ?? 'null'));
    expect(after.refresh_token).not.toBe(before.refresh_token);
    expect(after.access_token).not.toBe(before.access_token);

    // A new process (a fresh registry on the same keychain) continues with the stored tokens.
    const restarted = new ConnectionRegistry({ settings: testSettings(dataDir), vault: testVault(keychain) });
    expect((await (await restarted.teamleader('teamleader')).users.me()).id).toBeTruthy();
  });

  it('a refusal on the authorize page leaves nothing behind', async () => {
    const started = await start();
    const landing = await approveInBrowser(started.authorizeUrl, 'deny');
    expect(landing.status).toBe(400);
    const done = await flows.wait(started.authId);
    expect(done).toMatchObject({
      state: 'failed',
      message: 'Access was refused on the Teamleader authorisation page.',
    });
    expect(registry.store.list()).toEqual([]);
    expect(await keychain.get('teamleader/clientSecret')).toBeNull();
  });

  it("reports the token endpoint's own error for a wrong client secret", async () => {
    const started = await start('not-the-secret');
    await approveInBrowser(started.authorizeUrl);
    const done = await flows.wait(started.authId);
    expect(done.state).toBe('failed');
    expect(done.message).toContain('invalid_client: Client authentication failed');
    expect(done.message).not.toContain('not-the-secret');
    expect(registry.store.list()).toEqual([]);
  });

  it('reconnects an existing connection and disconnect deletes its secrets', async () => {
    const first = await start();
    await approveInBrowser(first.authorizeUrl);
    await flows.wait(first.authId);
    // Reconnect: id only, the stored client secret is reused.
    const again = await flows.start({ id: 'teamleader' });
    expect(again.connectionId).toBe('teamleader');
    await approveInBrowser(again.authorizeUrl);
    expect((await flows.wait(again.authId)).state).toBe('succeeded');
    expect(registry.store.list()).toHaveLength(1);

    await registry.disconnect('teamleader');
    expect(await keychain.get('teamleader/clientSecret')).toBeNull();
    expect(await keychain.get('teamleader/tokens')).toBeNull();
    expect(registry.store.get('teamleader').status).toBe('needs_auth');
  });

  it('words its refusals as codes that read in Dutch', async () => {
    const unknown = await koppelRejectionOf(() => flows.status('gone'));
    expect(unknown).toMatchObject({
      code: 'not_found',
      message: 'No Teamleader authorisation "gone" (it may have expired).',
      text: { code: 'teamleaderAuthNotFound' },
    });
    expect(apiMessageIn(unknown, 'nl')).toBe(
      'Geen Teamleader-autorisatie "gone" (misschien is die verlopen).',
    );

    const noClient = await koppelRejectionOf(() => flows.start({ authBaseUrl: twin.authUrl }));
    expect(noClient).toMatchObject({ code: 'invalid_input', text: { code: 'teamleaderClientIdRequired' } });
    expect(apiMessageIn(noClient, 'nl')).toBe('Het client-ID van Teamleader is verplicht.');
    const noSecret = await koppelRejectionOf(() =>
      flows.start({ clientId: CLIENT_ID, authBaseUrl: twin.authUrl }),
    );
    expect(noSecret.message).toBe('The Teamleader client secret is required.');
    expect(apiMessageIn(noSecret, 'nl')).toBe('Het clientgeheim van Teamleader is verplicht.');

    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const busy = await koppelRejectionOf(() =>
        flows.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectPort: port }),
      );
      expect(busy).toMatchObject({ code: 'conflict', text: { code: 'teamleaderRedirectPortBusy' } });
      const reason = String(busy.text?.params.reason);
      expect(reason).toContain('EADDRINUSE');
      expect(busy.message).toBe(
        `Koppel cannot listen for the Teamleader redirect on 127.0.0.1:${port} (${reason}); close what uses that port or choose another.`,
      );
      expect(apiMessageIn(busy, 'nl')).toBe(
        `Koppel kan niet luisteren naar de doorverwijzing van Teamleader op 127.0.0.1:${port} (${reason}); sluit af wat die poort gebruikt of kies een andere.`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }

    const createdAt = new Date().toISOString();
    registry.store.save({
      id: 'sandbox-teamleader',
      name: 'Sandbox Teamleader',
      kind: 'teamleader',
      mode: 'sandbox',
      status: 'connected',
      createdAt,
      config: { apiBaseUrl: twin.apiUrl, authBaseUrl: twin.authUrl, clientId: CLIENT_ID },
    });
    const owned = await koppelRejectionOf(() => flows.start({ id: 'sandbox-teamleader' }));
    expect(owned).toMatchObject({ code: 'conflict', text: { code: 'connectionBelongsToSandbox' } });
    expect(owned.message).toContain('belongs to the sandbox and cannot be reconnected;');
    expect(apiMessageIn(owned, 'nl')).toBe(
      '"Sandbox Teamleader" hoort bij de sandbox en kan niet opnieuw worden verbonden; zet in plaats daarvan de sandbox uit in Instellingen.',
    );
    registry.store.save({
      id: 'mplus',
      name: 'Shop',
      kind: 'mplus',
      mode: 'live',
      status: 'new',
      createdAt,
      config: { host: 'api.mpluskassa.nl', port: 44281, url: 'https://api.mpluskassa.nl:44281/' },
    });
    const wrongKind = await koppelRejectionOf(() => flows.start({ id: 'mplus' }));
    expect(wrongKind.message).toBe('Connection "mplus" is mplus, not Teamleader.');
    expect(apiMessageIn(wrongKind, 'nl')).toBe('Koppeling "mplus" is mplus, geen Teamleader.');
  });

  it('expires when the browser never comes back', async () => {
    const quick = new TeamleaderAuthFlows({ registry, openExternal: async () => true, timeoutMs: 100 });
    const started = await quick.start({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      authBaseUrl: twin.authUrl,
    });
    expect(started.opened).toBe(true);
    expect(await quick.wait(started.authId)).toMatchObject({ state: 'expired' });
    expect(registry.store.list()).toEqual([]);
  });
});
