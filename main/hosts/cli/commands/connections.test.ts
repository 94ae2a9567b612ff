import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretFields } from '../../../connections/registry';
import {
  approveInBrowser,
  readAllFiles,
  tempDataDir,
  testKeychain,
} from '../../../connections/testing/fixtures';
import { startMplusTwin, type MplusTwin } from '../../../connectors/mplus';
import { startTeamleaderTwin, type TeamleaderTwin } from '../../../connectors/teamleader';
import { Vault } from '../../../vault/vault';
import { registerConnections } from './connections';
import { cliRunner } from '../testing/cli-runner';

const IDENT = 'cli-ident-7a1c';
const SECRET = 'cli-secret-93be0';
const CLIENT_SECRET = 'cli-client-secret-5d2a';

/**
 * `koppel connections …` in-process over one data folder, the real keychain and both twins on
 * loopback: what a server without a screen does to get its connections.
 */
describe('koppel connections', () => {
  let vault: Vault;
  let dataDir: string;
  let mplus: MplusTwin;
  let teamleader: TeamleaderTwin;
  const env: NodeJS.ProcessEnv = {};
  const printed: string[] = [];

  beforeAll(async () => {
    vault = new Vault({ keychain: await testKeychain(), env });
    mplus = await startMplusTwin({ ident: IDENT, secret: SECRET });
    teamleader = await startTeamleaderTwin({ clientId: 'cli-client', clientSecret: CLIENT_SECRET });
    dataDir = tempDataDir();
  });

  afterAll(async () => {
    for (const id of ['mplus', 'mplus-2', 'shop-till'])
      await vault?.deleteAll(id, secretFields('mplus')).catch(() => undefined);
    await vault?.deleteAll('teamleader', secretFields('teamleader')).catch(() => undefined);
    await mplus?.close();
    await teamleader?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The addresses the command had the system browser open. */
  const browsed: string[] = [];
  const run = cliRunner(registerConnections, {
    dataDir: () => dataDir,
    vault: () => vault,
    onErr: (text) => printed.push(text),
    openBrowser: async (url) => {
      browsed.push(url);
      return true;
    },
  });
  /** Runs one `koppel connections` command; `answers` are what the person types at its questions. */
  const koppel = (args: string[], answers: string[] = []) => run(['connections', ...args], answers);

  /** The address `add-teamleader` printed for the browser, once it has. */
  async function signInAddress(): Promise<string> {
    for (let i = 0; i < 200; i += 1) {
      const url = /^ {2}(http\S+)$/m.exec(printed.join(''))?.[1];
      if (url) return url;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no sign-in address printed: ${printed.join('')}`);
  }

  const mplusAt = () => {
    const url = new URL(mplus.url);
    return ['--host', `http://${url.hostname}`, '--port', url.port];
  };

  it('adds a MplusKASSA connection with the ident and secret typed (the secret hidden), tests it, and keeps them in the keychain only', async () => {
    const added = await koppel(['add-mplus', ...mplusAt(), '--name', 'Shop till'], [IDENT, SECRET]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.asked.map(({ hidden }) => hidden)).toEqual([false, true]);
    expect(added.stdout).toContain('Saved Shop till as "mplus"; testing it');
    expect(added.stdout).toMatch(/OK {2}Shop till: API \d+\.\d+\.\d+/);
    expect(await vault.get('mplus', 'secret')).toBe(SECRET);

    const listed = await koppel(['list', '--json']);
    const { connections } = JSON.parse(listed.stdout) as {
      connections: { id: string; status: string; credentials: string }[];
    };
    expect(connections.find((connection) => connection.id === 'mplus')).toMatchObject({
      status: 'connected',
      credentials: 'stored',
    });
    for (const { file, text } of readAllFiles(dataDir)) {
      expect(text, file).not.toContain(SECRET);
      expect(text, file).not.toContain(IDENT);
    }
    for (const text of [added.stdout, listed.stdout, ...printed]) expect(text).not.toContain(SECRET);
  });

  it('changes a connection with Enter keeping its stored ident and secret; a wrong secret is saved but its test fails (exit 3)', async () => {
    const kept = await koppel(['add-mplus', ...mplusAt(), '--id', 'mplus', '--name', 'Till'], ['', '']);
    expect(kept.code).toBe(0);
    expect(kept.asked[0]?.question).toContain('Enter keeps the stored one');
    expect(kept.stdout).toMatch(/OK {2}Till:/);
    expect(await vault.get('mplus', 'ident')).toBe(IDENT);

    const wrong = await koppel(['add-mplus', ...mplusAt(), '--id', 'mplus'], ['', 'not-the-secret']);
    expect(wrong.code).toBe(3);
    expect(wrong.stdout).toMatch(/FAILED {2}Till: /);
    const test = await koppel(['test', 'mplus', '--json']);
    expect(test.code).toBe(3);
    expect(JSON.parse(test.stdout)).toMatchObject({ ok: false, connection: { id: 'mplus' } });
    await koppel(['add-mplus', ...mplusAt(), '--id', 'mplus'], ['', SECRET]);
    const otherKind = await koppel(['add-teamleader', '--id', 'mplus'], [CLIENT_SECRET]);
    expect(otherKind).toMatchObject({
      code: 2,
      stderr: 'koppel connections add-teamleader: mplus is a MplusKASSA connection, not a Teamleader one.\n',
      asked: [],
    });
  });

  it('refuses a new connection without an ident (exit 2, nothing saved), and asks nothing that KOPPEL_SECRET_* variables give', async () => {
    const refused = await koppel(['add-mplus', ...mplusAt()], ['']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'koppel connections add-mplus: the ident is needed for a new MplusKASSA connection.\n',
    );
    const { stdout } = await koppel(['list', '--json']);
    expect(stdout).not.toContain('"mplus-2"');

    env.KOPPEL_SECRET_SHOP_TILL_IDENT = IDENT;
    env.KOPPEL_SECRET_SHOP_TILL_SECRET = SECRET;
    try {
      const fromEnv = await koppel(['add-mplus', ...mplusAt(), '--id', 'shop-till']);
      expect(fromEnv.asked).toEqual([]);
      expect(fromEnv.code).toBe(0);
      expect(fromEnv.stdout).toContain('OK  MplusKASSA: ');
      expect(await koppel(['remove', 'shop-till'])).toMatchObject({
        code: 0,
        stdout: 'Connection "shop-till" is removed.\n',
      });
    } finally {
      delete env.KOPPEL_SECRET_SHOP_TILL_IDENT;
      delete env.KOPPEL_SECRET_SHOP_TILL_SECRET;
    }

    const badId = await koppel(['add-mplus', ...mplusAt(), '--id', 'Shop Till']).catch(
      (error: Error) => error,
    );
    expect(String(badId)).toContain('"Shop Till" is not a connection id');
    // Options are checked before anything is asked, and named as typed.
    const badPort = await koppel(['add-mplus', '--host', 'till.example', '--port', '0']).catch(
      (error: Error) => error,
    );
    expect(String(badPort)).toContain(
      `option '--port <port>' argument '0' is invalid. give a whole number from 1 to 65535, got "0".`,
    );
    const badUrl = await koppel(['add-teamleader', '--client-id', 'c', '--api-url', 'api.example']).catch(
      (error: Error) => error,
    );
    expect(String(badUrl)).toContain('"api.example" is not an address');
    const emptyHost = await koppel(['add-mplus', '--host', ' ', '--port', '443']).catch(
      (error: Error) => error,
    );
    expect(String(emptyHost)).toContain(
      "option '--host <host>' argument ' ' is invalid. it cannot be empty.",
    );
  });

  it('connects Teamleader: opens the sign-in page (and prints its address), waits for the browser, then says who it acts as', async () => {
    const noClient = await koppel(['add-teamleader'], [CLIENT_SECRET]);
    expect(noClient).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --client-id') });

    printed.length = 0;
    const adding = koppel(
      [
        'add-teamleader',
        '--client-id',
        'cli-client',
        '--api-url',
        teamleader.apiUrl,
        '--auth-url',
        teamleader.authUrl,
      ],
      [CLIENT_SECRET],
    );
    const authorizeUrl = await signInAddress();
    // The system browser was given the printed address, and the person is told it opens.
    expect(browsed).toEqual([authorizeUrl]);
    expect(printed.join('')).toMatch(
      /^Your browser opens Teamleader's sign-in page: sign in and allow Koppel there \(until \d\d:\d\d UTC\)\. If it did not open, use this address:\n/,
    );
    expect(printed.join('')).toMatch(/ssh -L (\d+):127\.0\.0\.1:\1 <this server>/);
    await approveInBrowser(authorizeUrl);
    const added = await adding;
    expect(added.asked).toEqual([{ question: 'Teamleader client secret: ', hidden: true }]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Connected Teamleader as "teamleader": user .+/);
    expect(await vault.get('teamleader', 'clientSecret')).toBe(CLIENT_SECRET);

    // Denied in the browser: nothing changes, and it says so. With --no-browser only the address is printed.
    printed.length = 0;
    const again = koppel(['add-teamleader', '--id', 'teamleader', '--no-browser'], ['']);
    await approveInBrowser(await signInAddress(), 'deny');
    expect(browsed).toHaveLength(1);
    expect(printed.join('')).toMatch(
      /^Sign in to Teamleader and allow Koppel at this address \(until \d\d:\d\d UTC\):\n/,
    );
    const denied = await again;
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/koppel connections add-teamleader: Teamleader was not connected: .+\.\n$/);
    expect(await vault.get('teamleader', 'clientSecret')).toBe(CLIENT_SECRET);
  });

  it('disconnects (secrets gone, settings kept) and removes a connection; an unknown one is exit 2', async () => {
    expect(await koppel(['disconnect', 'mplus'])).toMatchObject({
      code: 0,
      stdout: 'Till ("mplus") is disconnected: its secrets are deleted.\n',
    });
    expect(await vault.get('mplus', 'secret')).toBeUndefined();
    const listed = await koppel(['list']);
    expect(listed.stdout).toMatch(/^mplus +Till +mplus +live +needs_auth +missing/m);
    expect(await koppel(['remove', 'mplus'])).toMatchObject({ code: 0 });
    const gone = await koppel(['remove', 'mplus']);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('koppel connections remove: ');
  });
});
