import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/api/contract';
import { createApp, type App } from '../app/create-app';
import type { Logger } from '../app/logger';
import { secretFields } from '../connections/registry';
import { approveInBrowser, readAllFiles, tempDataDir, testKeychain } from '../connections/testing/fixtures';
import { startMplusTwin, type MplusTwin } from '../connectors/mplus';
import { startTeamleaderTwin, type TeamleaderTwin } from '../connectors/teamleader';
import { ensureSandbox } from '../sandbox/ensure-sandbox';
import { SANDBOX_CREDENTIALS } from '../sandbox/sandbox-types';
import { Vault } from '../vault/vault';

const IDENT = 'svc-ident-51c0';
const SECRET = 'svc-secret-8d2e7';
const CLIENT_SECRET = 'svc-client-secret-a41f';

describe('connections.* and sandbox.* never give out a secret', () => {
  let app: App;
  let vault: Vault;
  let dataDir: string;
  let teamleader: TeamleaderTwin;
  let mplus: MplusTwin;
  const logLines: string[] = [];
  const outputs: { call: CallName; json: string }[] = [];

  const call = async (name: CallName, input: unknown) => {
    const result = await app.dispatch(name, input);
    outputs.push({ call: name, json: JSON.stringify(result) });
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.output as Record<string, unknown>;
  };

  beforeAll(async () => {
    vault = new Vault({ keychain: await testKeychain(), env: {} });
    teamleader = await startTeamleaderTwin({ clientId: 'svc-client', clientSecret: CLIENT_SECRET });
    mplus = await startMplusTwin({ ident: IDENT, secret: SECRET });
    dataDir = tempDataDir();
    const capture = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    const logger: Logger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };
    app = await createApp({ host: 'web', dataDir, vault, logger });
  });

  afterAll(async () => {
    await app?.dispose();
    for (const id of ['mplus', 'teamleader'])
      await vault?.deleteAll(id, secretFields(id === 'mplus' ? 'mplus' : 'teamleader'));
    await teamleader?.close();
    await mplus?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs every call with real secrets and finds none of them in any output, log line or settings file', async () => {
    expect(await call('connections.keychainStatus', {})).toEqual({ available: true });
    // A first start without live connections brings up the sandbox.
    expect(await ensureSandbox(app.ctx)).toBe(true);
    const sandboxTokens = await app.ctx.sandbox.ensure().then((e) => e.teamleader.tokenStore.load());

    const saved = await call('connections.saveMplus', {
      name: 'Shop',
      host: 'http://127.0.0.1',
      port: mplus.port,
      ident: IDENT,
      secret: SECRET,
    });
    expect(saved).toMatchObject({ id: 'mplus', credentials: 'stored' });
    expect(await ensureSandbox(app.ctx)).toBe(false);
    expect(await call('connections.test', { id: 'mplus' })).toMatchObject({ ok: true });
    await call('connections.saveMplus', {
      id: 'mplus',
      host: 'http://127.0.0.1',
      port: mplus.port,
      secret: 'wrong-secret-x9',
    });
    expect(await call('connections.test', { id: 'mplus' })).toMatchObject({
      ok: false,
      error: { code: 'connection_failed' },
    });
    await call('connections.saveMplus', {
      id: 'mplus',
      host: 'http://127.0.0.1',
      port: mplus.port,
      secret: SECRET,
    });

    // The page the browser shows after the redirect is in the UI's language.
    await call('settings.update', { language: 'nl' });
    const started = await call('connections.startTeamleaderAuth', {
      clientId: 'svc-client',
      clientSecret: CLIENT_SECRET,
      apiBaseUrl: teamleader.apiUrl,
      authBaseUrl: teamleader.authUrl,
    });
    expect(started.opened).toBe(false);
    await call('connections.teamleaderAuthStatus', { authId: started.authId });
    const landing = await approveInBrowser(String(started.authorizeUrl));
    expect(await landing.text()).toContain('Koppel is verbonden met Teamleader.');
    await call('settings.update', { language: 'en' });
    let status: Record<string, unknown> = {};
    for (let i = 0; i < 100 && (status.state ?? 'pending') === 'pending'; i += 1) {
      status = await call('connections.teamleaderAuthStatus', { authId: started.authId });
      if (status.state === 'pending') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toMatchObject({
      state: 'succeeded',
      connection: { id: 'teamleader', status: 'connected' },
    });
    const tokens = JSON.parse((await vault.get('teamleader', 'tokens')) ?? '{}') as Record<string, string>;

    for (const id of ['teamleader', 'mplus', 'sandbox-teamleader', 'sandbox-mplus']) {
      await call('connections.get', { id });
      await call('connections.test', { id });
    }
    await call('connections.list', {});
    await call('sandbox.status', {});
    await call('sandbox.reset', {});
    // Other sample data, applied without a restart: the app's sandbox clients are made anew.
    await call('settings.update', { sandbox: { enabled: true, seed: 3, size: 'small' } });
    expect(await call('sandbox.apply', {})).toMatchObject({ running: true, seed: 3, size: 'small' });
    expect(await call('connections.test', { id: 'sandbox-teamleader' })).toMatchObject({ ok: true });
    await call('settings.get', {});
    await call('connections.disconnect', { id: 'teamleader' });
    await call('connections.delete', { id: 'mplus' });
    expect((await call('connections.list', {})).connections).toHaveLength(3);

    const secrets = {
      ident: IDENT,
      secret: SECRET,
      wrongSecret: 'wrong-secret-x9',
      clientSecret: CLIENT_SECRET,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      sandboxAccessToken: sandboxTokens?.access_token,
      sandboxRefreshToken: sandboxTokens?.refresh_token,
      sandboxClientSecret: SANDBOX_CREDENTIALS.teamleader.clientSecret,
      sandboxMplusSecret: SANDBOX_CREDENTIALS.mplus.secret,
    };
    expect(tokens.refresh_token).toBeTruthy();
    expect(sandboxTokens?.refresh_token).toBeTruthy();
    // Every file of the data folder, the twins' state files included (they keep no tokens).
    const files = readAllFiles(dataDir);
    expect(files.map((f) => path.relative(dataDir, f.file))).toEqual(
      expect.arrayContaining(['settings.json', path.join('sandbox', 'sandbox.json')]),
    );
    const places = [
      ...outputs.map((o) => ({ where: o.call, text: o.json })),
      ...logLines.map((line) => ({ where: 'log', text: line })),
      ...files.map((f) => ({ where: f.file, text: f.text })),
    ];
    expect(outputs.length).toBeGreaterThan(20);
    const leaks = places.flatMap(({ where, text }) =>
      Object.entries(secrets)
        .filter(([, value]) => value && text.includes(value))
        .map(([name]) => `${name} in ${where}`),
    );
    expect(leaks).toEqual([]);
  }, 60_000);
});
