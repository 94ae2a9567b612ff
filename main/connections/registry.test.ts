import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import type { Connection, TeamleaderConnection } from '../../shared/connections/connection';
import { startMplusTwin, type MplusTwin, type MplusTwinFaults } from '../connectors/mplus';
import type { Keychain } from '../vault/keychain';
import type { Vault } from '../vault/vault';
import { testConnection } from './connection-tests';
import { ConnectionRegistry, teamleaderAccountName } from './registry';
import { saveMplusConnection } from './save-mplus';
import { tempDataDir, testKeychain, testSettings, testVault } from './testing/fixtures';
import { koppelRejectionOf } from '../../shared/api/testing/koppel-error-of';

const IDENT = 'shop-ident-7781';
const SECRET = 'shop-secret-4f9a2c';

const createdAt = new Date().toISOString();
const sandboxMplus: Connection = {
  id: 'sandbox-mplus',
  name: 'Sandbox MplusKASSA',
  kind: 'mplus',
  mode: 'sandbox',
  status: 'connected',
  createdAt,
  config: { host: 'http://127.0.0.1', port: 9, url: 'http://127.0.0.1:9/' },
};
const liveTeamleader: Connection = {
  id: 'tl',
  name: 'Teamleader',
  kind: 'teamleader',
  mode: 'live',
  status: 'new',
  createdAt,
  config: { apiBaseUrl: 'http://127.0.0.1:9', authBaseUrl: 'http://127.0.0.1:9', clientId: 'c-1' },
};

describe('connection registry with MplusKASSA (real keychain, twin on loopback)', () => {
  let keychain: Keychain;
  let twin: MplusTwin;
  let dataDir: string;
  let vault: Vault;
  let registry: ConnectionRegistry;

  beforeAll(async () => {
    keychain = await testKeychain();
    twin = await startMplusTwin({ ident: IDENT, secret: SECRET });
  });
  afterAll(async () => {
    await twin?.close();
  });
  beforeEach(async () => {
    dataDir = tempDataDir();
    vault = testVault(keychain);
    registry = new ConnectionRegistry({ settings: testSettings(dataDir), vault });
    return async () => {
      for (const connection of registry.store.list())
        await vault.deleteAll(connection.id, ['ident', 'secret']);
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  });

  const save = (secret = SECRET) =>
    saveMplusConnection(registry, {
      name: 'Shop',
      host: 'http://127.0.0.1',
      port: twin.port,
      ident: IDENT,
      secret,
    });

  it('keeps ident and secret in the keychain only and tests with getApiVersion + getLicenseInformation', async () => {
    const saved = await save();
    expect(saved).toMatchObject({ id: 'mplus', kind: 'mplus', mode: 'live', status: 'new' });
    expect(saved.config.url).toBe(`http://127.0.0.1:${twin.port}/`);
    expect(await keychain.get('mplus/ident')).toBe(IDENT);
    expect(await keychain.get('mplus/secret')).toBe(SECRET);
    const settingsFile = fs.readFileSync(`${dataDir}/settings.json`, 'utf8');
    expect(settingsFile).toContain(`"port": ${twin.port}`);
    expect(settingsFile).not.toContain(SECRET);
    expect(settingsFile).not.toContain(IDENT);

    const result = await testConnection(registry, 'mplus');
    expect(result.ok).toBe(true);
    expect(result.connection).toMatchObject({
      status: 'connected',
      credentials: 'stored',
      account: {
        apiVersion: '1.0.0',
        serviceVersion: '67.1.3 (Koppel twin)',
        companyName: 'De Zoete Inval B.V.',
        city: 'Amsterdam',
      },
    });
    // The engine's view: the only live MplusKASSA connection, one cached client.
    const client = await registry.mplus();
    expect(await registry.get('mplus')).toBe(client);
    expect(await registry.mplus('mplus')).toBe(client);
    expect((await client.getApiVersion()).majorNumber).toBe(1);
  });

  it("shows the twin's own fault for a wrong secret, and never the secret", async () => {
    await save('wrong-secret-value');
    const result = await testConnection(registry, 'mplus');
    if (result.ok) throw new Error('expected the test to fail');
    expect(result.error.code).toBe('connection_failed');
    expect(result.error.message).toBe('MplusKASSA: Authentication failed: unknown ident or wrong secret');
    expect(result.connection.status).toBe('needs_auth');
    expect(result.connection.statusMessage).toBe(result.error.message);
    expect(JSON.stringify(result)).not.toContain('wrong-secret-value');
  });

  it('passes without a company when the API user may not ask for the licence, or it keeps failing', async () => {
    const setFaults = async (faults: MplusTwinFaults) =>
      expect(
        (await fetch(`${twin.adminUrl}/faults`, { method: 'POST', body: JSON.stringify(faults) })).ok,
      ).toBe(true);
    await save();
    expect((await testConnection(registry, 'mplus')).connection.account?.companyName).toBe(
      'De Zoete Inval B.V.',
    );
    try {
      await setFaults({ refuse: ['getLicenseInformation'] });
      const refused = await testConnection(registry, 'mplus');
      expect(refused.ok).toBe(true);
      expect(refused.connection).toMatchObject({ status: 'connected' });
      // The company recorded by the earlier test is gone: this user cannot vouch for it.
      expect(refused.connection.account).toEqual({
        apiVersion: '1.0.0',
        serviceVersion: '67.1.3 (Koppel twin)',
      });

      const quick = new ConnectionRegistry({
        settings: testSettings(dataDir),
        vault,
        mplusOptions: { retryDelayMs: 1 },
      });
      await setFaults({ errorRate: 1, statuses: [500], operations: ['getLicenseInformation'] });
      const failing = await testConnection(quick, 'mplus');
      expect(failing.ok).toBe(true);
      expect(failing.connection.account).toEqual({
        apiVersion: '1.0.0',
        serviceVersion: '67.1.3 (Koppel twin)',
      });
    } finally {
      await setFaults({});
    }
  });

  it('updates host and port without asking for the secrets again', async () => {
    await save();
    await testConnection(registry, 'mplus');
    const moved = await saveMplusConnection(registry, { id: 'mplus', host: '127.0.0.1', port: 1 });
    expect(moved).toMatchObject({ status: 'new', config: { url: 'https://127.0.0.1:1/' } });
    expect(moved.account).toBeUndefined();
    expect(await vault.get('mplus', 'secret')).toBe(SECRET);
    const back = await saveMplusConnection(registry, {
      id: 'mplus',
      host: 'http://127.0.0.1',
      port: twin.port,
    });
    expect(back.name).toBe('Shop');
    expect((await testConnection(registry, 'mplus')).ok).toBe(true);
  });

  it("names a client's account the same in every process on the data folder, and anew when its address moves", async () => {
    await save();
    const client = await registry.mplus();
    const account = registry.accountOf(client);
    expect(account).toBe(`mplus http://127.0.0.1:${twin.port}/`);
    // `koppel run` beside the desktop app: another registry, another client, the same account.
    const other = new ConnectionRegistry({ settings: testSettings(dataDir), vault });
    const otherClient = await other.mplus();
    expect(otherClient).not.toBe(client);
    expect(other.accountOf(otherClient)).toBe(account);
    expect(registry.accountOf({})).toBeUndefined();
    await saveMplusConnection(registry, { id: 'mplus', host: '127.0.0.1', port: 1 });
    expect(registry.accountOf(await registry.mplus())).toBe('mplus https://127.0.0.1:1/');
  });

  it('names one till the same for two connections to it, so their makers are kept apart', async () => {
    await save();
    await saveMplusConnection(registry, {
      name: 'Shop, second login',
      host: 'http://127.0.0.1',
      port: twin.port,
      ident: IDENT,
      secret: SECRET,
    });
    const ids = registry.store.list().map((connection) => connection.id);
    expect(ids).toHaveLength(2);
    const [first, second] = await Promise.all(ids.map((id) => registry.mplus(id)));
    expect(first).not.toBe(second);
    expect(registry.accountOf(first ?? {})).toBe(registry.accountOf(second ?? {}));
  });

  it('refuses a new connection without its secrets and stores nothing', async () => {
    await expect(
      saveMplusConnection(registry, { host: 'api.mpluskassa.nl', port: 44281, ident: 'only-ident' }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: 'The MplusKASSA secret is required.' });
    expect(registry.store.list()).toEqual([]);
    expect(await keychain.get('mplus/ident')).toBeNull();
  });

  it('takes secrets from KOPPEL_SECRET_* variables and refuses to overwrite them', async () => {
    const envVault = testVault(keychain, {
      KOPPEL_SECRET_SHOP_IDENT: IDENT,
      KOPPEL_SECRET_SHOP_SECRET: SECRET,
    });
    const envRegistry = new ConnectionRegistry({ settings: testSettings(dataDir), vault: envVault });
    const saved = await saveMplusConnection(envRegistry, {
      id: 'shop',
      host: 'http://127.0.0.1',
      port: twin.port,
    });
    expect((await envRegistry.view(saved)).credentials).toBe('environment');
    expect((await testConnection(envRegistry, 'shop')).ok).toBe(true);
    expect(await keychain.get('shop/secret')).toBeNull();
    await expect(
      saveMplusConnection(envRegistry, {
        id: 'shop',
        host: 'http://127.0.0.1',
        port: twin.port,
        secret: 'x1',
      }),
    ).rejects.toThrow(
      'The MplusKASSA secret of "shop" comes from KOPPEL_SECRET_SHOP_SECRET; change it there.',
    );
  });

  it('disconnect deletes the secrets; delete removes the connection', async () => {
    await save();
    const disconnected = await registry.disconnect('mplus');
    expect(disconnected.status).toBe('needs_auth');
    expect(disconnected.statusMessage).toBe('Disconnected: the stored credentials were deleted.');
    expect(
      apiMessageIn({ message: disconnected.statusMessage ?? '', text: disconnected.statusText }, 'nl'),
    ).toBe('Ontkoppeld: de opgeslagen gegevens zijn verwijderd.');
    // Testing it now fails on Koppel's own words (no secret stored): the result and the stored
    // status keep their code, for the UI's language.
    const tested = await testConnection(registry, 'mplus');
    if (tested.ok) throw new Error('expected the test to fail');
    expect(tested.error.text?.code).toBe('mplusCredentialMissing');
    expect(apiMessageIn(tested.error, 'nl')).toBe(
      'MplusKASSA-koppeling "Shop" heeft geen ident opgeslagen: vul die in op het scherm Koppelingen.',
    );
    expect(tested.connection.statusText).toEqual(tested.error.text);
    expect((await registry.view(disconnected)).credentials).toBe('missing');
    expect(await keychain.get('mplus/secret')).toBeNull();
    await expect(registry.mplus('mplus')).rejects.toThrow(
      'MplusKASSA connection "Shop" has no ident stored: enter it on the Connections screen.',
    );
    await registry.remove('mplus');
    expect(registry.store.find('mplus')).toBeUndefined();
  });

  it("words the registry's refusals as codes that read in Dutch", async () => {
    const none = await koppelRejectionOf(registry.mplus());
    expect(none).toMatchObject({ code: 'not_found', text: { code: 'connectionNoneOfKind' } });
    expect(apiMessageIn(none, 'nl')).toBe(
      'Geen MplusKASSA-koppeling: verbind er een op het scherm Koppelingen, of zet de sandbox aan in Instellingen.',
    );

    await save();
    await vault.delete('mplus', 'secret');
    const missing = await koppelRejectionOf(registry.mplus('mplus'));
    expect(missing).toMatchObject({
      code: 'connection_failed',
      message: 'MplusKASSA connection "Shop" has no secret stored: enter it on the Connections screen.',
      detail: { needsAuth: true },
      text: { code: 'mplusCredentialMissing', params: { name: 'Shop', field: 'secret' } },
    });
    expect(apiMessageIn(missing, 'nl')).toBe(
      'MplusKASSA-koppeling "Shop" heeft geen secret opgeslagen: vul die in op het scherm Koppelingen.',
    );

    const wrongKind = await koppelRejectionOf(registry.teamleader('mplus'));
    expect(wrongKind).toMatchObject({
      code: 'invalid_input',
      message: 'Connection "mplus" is mplus, not teamleader.',
      text: { code: 'connectionWrongKind' },
    });
    expect(apiMessageIn(wrongKind, 'nl')).toBe('Koppeling "mplus" is mplus, geen teamleader.');

    registry.store.save(liveTeamleader);
    const noSecret = await koppelRejectionOf(registry.teamleader('tl'));
    expect(noSecret).toMatchObject({ code: 'connection_failed', text: { code: 'teamleaderNotConnected' } });
    expect(apiMessageIn(noSecret, 'nl')).toBe(
      'Teamleader-koppeling "Teamleader" is niet verbonden (geen clientgeheim opgeslagen): verbind opnieuw.',
    );

    // A sandbox connection left in the settings, with no sandbox in this registry.
    registry.store.save(sandboxMplus);
    const owned = await koppelRejectionOf(registry.remove('sandbox-mplus'));
    expect(owned).toMatchObject({
      code: 'conflict',
      message:
        '"Sandbox MplusKASSA" belongs to the sandbox and cannot delete; turn the sandbox off in Settings instead.',
      text: { code: 'connectionBelongsToSandbox', params: { action: 'delete' } },
    });
    expect(apiMessageIn(owned, 'nl')).toBe(
      '"Sandbox MplusKASSA" hoort bij de sandbox en kan niet worden verwijderd; zet in plaats daarvan de sandbox uit in Instellingen.',
    );
    const off = await koppelRejectionOf(registry.mplus('sandbox-mplus'));
    expect(off).toMatchObject({ code: 'connection_failed', text: { code: 'connectionSandboxOff' } });
    expect(apiMessageIn(off, 'nl')).toBe(
      'De sandbox staat uit in Instellingen; zet hem aan om deze koppeling te gebruiken.',
    );
  });

  it('words the refusals of saving a MplusKASSA connection as codes that read in Dutch', async () => {
    const input = { host: 'http://127.0.0.1', port: twin.port };
    const required = await koppelRejectionOf(saveMplusConnection(registry, { ...input, secret: SECRET }));
    expect(required).toMatchObject({
      code: 'invalid_input',
      message: 'The MplusKASSA ident is required.',
      detail: { field: 'ident' },
      text: { code: 'mplusCredentialRequired' },
    });
    expect(apiMessageIn(required, 'nl')).toBe('De ident van MplusKASSA is verplicht.');

    registry.store.save(liveTeamleader);
    const wrongKind = await koppelRejectionOf(saveMplusConnection(registry, { ...input, id: 'tl' }));
    expect(wrongKind.message).toBe('Connection "tl" is teamleader, not MplusKASSA.');
    expect(apiMessageIn(wrongKind, 'nl')).toBe('Koppeling "tl" is teamleader, geen MplusKASSA.');

    registry.store.save(sandboxMplus);
    const owned = await koppelRejectionOf(saveMplusConnection(registry, { ...input, id: 'sandbox-mplus' }));
    expect(owned.message).toContain('belongs to the sandbox and cannot be edited;');
    expect(apiMessageIn(owned, 'nl')).toContain('hoort bij de sandbox en kan niet worden bewerkt;');

    const envRegistry = new ConnectionRegistry({
      settings: testSettings(dataDir),
      vault: testVault(keychain, { KOPPEL_SECRET_SHOP_SECRET: SECRET }),
    });
    const fromEnv = await koppelRejectionOf(
      saveMplusConnection(envRegistry, { ...input, id: 'shop', ident: IDENT, secret: 'other' }),
    );
    expect(fromEnv).toMatchObject({ code: 'conflict', text: { code: 'mplusCredentialFromEnvironment' } });
    expect(apiMessageIn(fromEnv, 'nl')).toBe(
      'De secret van MplusKASSA-koppeling "shop" komt uit KOPPEL_SECRET_SHOP_SECRET; wijzig die daar.',
    );
    expect(await keychain.get('shop/ident')).toBeNull();
  });

  it('says what to do when no connection of a kind exists', async () => {
    await expect(registry.teamleader()).rejects.toMatchObject({
      code: 'not_found',
      message:
        'No Teamleader connection: connect one on the Connections screen, or turn the sandbox on in Settings.',
    });
    await expect(registry.mplus('nope')).rejects.toThrow('No connection "nope" (none is set up yet).');
  });

  it("checks a node's connection id from the settings alone, for validation before a run", () => {
    expect(registry.check('mplus', 'nope')).toEqual({ reason: 'unknown', known: [] });
    registry.store.save(liveTeamleader);
    expect(registry.check('teamleader', 'tl')).toBeUndefined();
    expect(registry.check('mplus', 'tl')).toEqual({ reason: 'otherKind', kind: 'teamleader' });
    expect(registry.check('mplus', 'nope')).toEqual({ reason: 'unknown', known: ['tl'] });
    // No sandbox in this registry: its ids are unknown until registered.
    expect(registry.check('mplus', 'sandbox-mplus')).toEqual({ reason: 'unknown', known: ['tl'] });
    // With the sandbox on, its ids are good before it first starts (a run starts it).
    const sandboxOn = new ConnectionRegistry({
      settings: testSettings(dataDir),
      vault,
      sandbox: {
        enabled: () => true,
        ensure: () => Promise.reject(new Error('not started here')),
        onRestart: () => {},
      },
    });
    expect(sandboxOn.check('mplus', 'sandbox-mplus')).toBeUndefined();
    // The other system's sandbox connection: the wrong kind (not "unknown" while it is not yet registered).
    expect(sandboxOn.check('teamleader', 'sandbox-mplus')).toEqual({ reason: 'otherKind', kind: 'mplus' });
    expect(sandboxOn.check('memory', 'anything')).toBeUndefined();
    // A node on its default connection: a live one of its kind, else the sandbox while it is on.
    expect(registry.check('teamleader', undefined)).toBeUndefined();
    expect(registry.check('mplus', undefined)).toEqual({ reason: 'noneOfKind' });
    expect(sandboxOn.check('mplus', undefined)).toBeUndefined();
    // A sandbox connection left in the settings while the sandbox is off.
    registry.store.save(sandboxMplus);
    expect(registry.check('mplus', 'sandbox-mplus')).toEqual({ reason: 'sandboxOff' });
  });
});

describe('teamleaderAccountName', () => {
  const teamleader = liveTeamleader as TeamleaderConnection;
  const named = (connection: TeamleaderConnection, url = 'https://api.focus.teamleader.eu') =>
    teamleaderAccountName(connection, url);

  it('names a Teamleader account by the id users.me gave, whichever connection reaches it', () => {
    const first = { ...teamleader, account: { accountId: 'acc-1' } };
    const second = { ...teamleader, id: 'tl-2', name: 'Teamleader (2)', account: { accountId: 'acc-1' } };
    expect(named(second)).toBe(named(first));
    expect(named({ ...teamleader, account: { accountId: 'acc-2' } })).not.toBe(named(first));
    // Another address (a sandbox twin on another port) is another account, whatever its id says.
    expect(named(first, 'http://127.0.0.1:4100')).not.toBe(named(first, 'http://127.0.0.1:4200'));
  });

  it('names an account not yet known by its connection, never by a guess', () => {
    expect(named({ ...teamleader, id: 'tl-2' })).not.toBe(named(teamleader));
    expect(named(teamleader)).not.toBe(named({ ...teamleader, account: { accountId: 'acc-1' } }));
  });
});
