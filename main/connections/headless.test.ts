import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import { startTeamleaderTwin, type TeamleaderTwin } from '../connectors/teamleader';
import { connectSandboxTeamleader } from '../sandbox/sandbox-http';
import type { Keychain } from '../vault/keychain';
import { keychainUnavailable } from '../vault/keychain';
import { Vault } from '../vault/vault';
import { testConnection } from './connection-tests';
import { ConnectionRegistry } from './registry';
import { saveMplusConnection } from './save-mplus';
import { TeamleaderAuthFlows } from './teamleader-auth';
import { tempDataDir, testSettings } from './testing/fixtures';

/** A machine without a keychain: every call fails the way the real one does, and is counted. */
function missingKeychain(): Keychain & { calls: number } {
  const keychain = {
    calls: 0,
    fail: () => {
      keychain.calls += 1;
      return Promise.reject(keychainUnavailable(new Error('Platform failure: no D-Bus session'), 'linux'));
    },
    get: () => keychain.fail(),
    set: () => keychain.fail(),
    delete: () => keychain.fail(),
  };
  return keychain;
}

describe('a headless server: no keychain, secrets from KOPPEL_SECRET_* variables', () => {
  let twin: TeamleaderTwin;
  let dataDir: string;

  beforeAll(async () => {
    twin = await startTeamleaderTwin({ clientId: 'headless-client', clientSecret: 'headless-client-secret' });
    dataDir = tempDataDir();
  });
  afterAll(async () => {
    await twin?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a Teamleader connection from a refresh token variable; rotated tokens stay in memory', async () => {
    const seeded = await (await connectSandboxTeamleader({ ...twin })).load();
    const keychain = missingKeychain();
    const vault = new Vault({
      keychain,
      env: {
        KOPPEL_SECRET_TL_CLIENT_SECRET: 'headless-client-secret',
        KOPPEL_SECRET_TL_REFRESH_TOKEN: seeded?.refresh_token,
      },
    });
    const registry = new ConnectionRegistry({ settings: testSettings(dataDir), vault });
    registry.store.save({
      id: 'tl',
      name: 'Teamleader (server)',
      kind: 'teamleader',
      mode: 'live',
      status: 'new',
      createdAt: new Date().toISOString(),
      config: { apiBaseUrl: twin.apiUrl, authBaseUrl: twin.authUrl, clientId: 'headless-client' },
    });
    expect((await registry.list())[0]?.credentials).toBe('environment');

    const result = await testConnection(registry, 'tl');
    expect(result).toMatchObject({
      ok: true,
      connection: { status: 'connected', account: { userName: 'Arne Dubois' } },
    });
    const rotated = JSON.parse(vault.recall('tl', 'tokens') ?? '{}') as { refresh_token?: string };
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(seeded?.refresh_token);
    expect((await (await registry.teamleader('tl')).users.me()).id).toBeTruthy();
    expect(keychain.calls).toBe(0);
  });

  it('refuses to start a Teamleader sign-in it could not store, before opening the browser', async () => {
    const registry = new ConnectionRegistry({
      settings: testSettings(tempDataDir()),
      vault: new Vault({ keychain: missingKeychain(), env: {} }),
    });
    const opened: string[] = [];
    const flows = new TeamleaderAuthFlows({
      registry,
      openExternal: async (url) => Boolean(opened.push(url)),
    });
    const error = await flows
      .start({ clientId: 'headless-client', clientSecret: 'x-secret', authBaseUrl: twin.authUrl })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoppelError);
    expect((error as KoppelError).code).toBe('keychain_unavailable');
    expect((error as KoppelError).message).toMatch(/install and unlock gnome-keyring/i);
    expect(opened).toEqual([]);
    // A Dutch screen words it from its code: the reason as the platform gave it, the hint translated.
    expect((error as KoppelError).text?.code).toBe('keychainUnavailable');
    expect(apiMessageIn(error as KoppelError, 'nl')).toBe(
      'De sleutelhanger van het besturingssysteem is niet beschikbaar (Platform failure: no D-Bus session). ' +
        'Koppel bewaart geheimen alleen in een Secret Service-sleutelhanger. Installeer en ontgrendel gnome-keyring ' +
        '(apt install gnome-keyring libsecret-1-0 dbus) of KeePassXC met Secret Service aan; start Koppel op een server ' +
        'zonder bureaublad binnen "dbus-run-session" met gnome-keyring-daemon ontgrendeld, of geef geheimen alleen-lezen ' +
        'door via KOPPEL_SECRET_*-omgevingsvariabelen (zie main/vault/README.md).',
    );
  });

  it('refuses to save MplusKASSA secrets without a keychain and saves nothing', async () => {
    const settings = testSettings(tempDataDir());
    const registry = new ConnectionRegistry({
      settings,
      vault: new Vault({ keychain: missingKeychain(), env: {} }),
    });
    await expect(
      saveMplusConnection(registry, { host: 'api.mpluskassa.nl', port: 44281, ident: 'i-1', secret: 's-1' }),
    ).rejects.toMatchObject({ code: 'keychain_unavailable' });
    expect(settings.get().connections).toEqual([]);
  });
});
