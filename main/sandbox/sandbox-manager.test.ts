import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { appRoot } from '../app/paths';
import { ConnectionRegistry } from '../connections/registry';
import { createConfBackend } from '../settings/conf-backend';
import { SettingsStore } from '../settings/settings-store';
import { Vault } from '../vault/vault';
import { SandboxManager } from './sandbox-manager';
import { readSandboxRecord, writeSandboxRecord } from './sandbox-record';
import { SANDBOX_CREDENTIALS } from './sandbox-types';
import { koppelRejectionOf } from '../../shared/api/testing/koppel-error-of';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One Koppel process's view of a data folder: settings, registry and sandbox manager. */
function koppelProcess(dataDir: string) {
  const settings = new SettingsStore(createConfBackend(dataDir));
  // Sandbox connections never touch the keychain: a vault whose keychain refuses everything proves it.
  const refuse = () => Promise.reject(new Error('the sandbox must not use the keychain'));
  const vault = new Vault({ keychain: { get: refuse, set: refuse, delete: refuse }, env: {} });
  const registry = new ConnectionRegistry({ settings, vault });
  const sandbox = new SandboxManager({ dataDir, settings, connections: registry.store });
  registry.attachSandbox(sandbox);
  cleanups.push(() => sandbox.dispose());
  return { settings, registry, sandbox };
}

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-sandbox-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function addContact(registry: ConnectionRegistry, email: string): Promise<string> {
  const client = await registry.teamleader('sandbox-teamleader');
  const created = await client.call('contacts.add', {
    first_name: 'Sandbox',
    last_name: 'Tester',
    emails: [{ type: 'primary', email }],
  });
  return (created as { data: { id: string } }).data.id;
}

async function contactExists(registry: ConnectionRegistry, email: string): Promise<boolean> {
  const client = await registry.teamleader('sandbox-teamleader');
  const found = await client.call('contacts.list', { filter: { email: { type: 'primary', email } } });
  return (found as { data: unknown[] }).data.length > 0;
}

describe('sandbox in this process', () => {
  it('starts on first use, records itself, registers both connections and keeps tokens in memory', async () => {
    const dataDir = tempDataDir();
    const { settings, registry, sandbox } = koppelProcess(dataDir);
    const endpoints = await sandbox.ensure();
    const record = readSandboxRecord(dataDir);
    expect(record).toMatchObject({ pid: process.pid, teamleader: { apiUrl: endpoints.teamleader.apiUrl } });
    expect(settings.get().connections.map((c) => [c.id, c.name, c.mode])).toEqual([
      ['sandbox-teamleader', 'Sandbox Teamleader', 'sandbox'],
      ['sandbox-mplus', 'Sandbox MplusKASSA', 'sandbox'],
    ]);
    expect((await sandbox.ensure()).teamleader.apiUrl).toBe(endpoints.teamleader.apiUrl);
    expect(await sandbox.status()).toMatchObject({
      enabled: true,
      running: true,
      owner: 'process',
      seed: 1,
      size: 'small',
    });

    // Both sandbox connections work through the registry, without any keychain.
    expect((await (await registry.teamleader()).users.me()).first_name).toBeTruthy();
    expect((await (await registry.mplus()).getApiVersion()).majorNumber).toBe(1);
    expect((await registry.list()).map((c) => c.credentials)).toEqual(['sandbox', 'sandbox']);

    const tokens = await endpoints.teamleader.tokenStore.load();
    for (const file of ['settings.json', 'sandbox/sandbox.json']) {
      const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
      expect(text).not.toContain(tokens?.access_token);
      expect(text).not.toContain(tokens?.refresh_token);
      expect(text).not.toContain(SANDBOX_CREDENTIALS.teamleader.clientSecret);
    }

    await sandbox.dispose();
    expect(readSandboxRecord(dataDir)).toBeUndefined();
    await expect(fetch(endpoints.teamleader.apiUrl)).rejects.toThrow();
  });

  it('keeps sandbox data across restarts and registers the new ports', async () => {
    const dataDir = tempDataDir();
    const first = koppelProcess(dataDir);
    await first.sandbox.ensure();
    await addContact(first.registry, 'kept@example.test');
    await first.sandbox.dispose();

    const second = koppelProcess(dataDir);
    const endpoints = await second.sandbox.ensure();
    const registered = second.settings.get().connections.find((c) => c.id === 'sandbox-mplus');
    expect(registered?.config).toMatchObject({ url: endpoints.mplus.url });
    expect(await contactExists(second.registry, 'kept@example.test')).toBe(true);
  });

  it('reset puts the seeded data back and keeps the connection working', async () => {
    const { registry, sandbox } = koppelProcess(tempDataDir());
    await addContact(registry, 'gone@example.test');
    expect(await contactExists(registry, 'gone@example.test')).toBe(true);
    await sandbox.reset();
    expect(await contactExists(registry, 'gone@example.test')).toBe(false);
  });

  it('applies other sample data on the same ports, and finds the first data again when switched back', async () => {
    const dataDir = tempDataDir();
    const { settings, registry, sandbox } = koppelProcess(dataDir);
    const before = await sandbox.ensure();
    await addContact(registry, 'small@example.test');
    settings.update({ sandbox: { enabled: true, seed: 7, size: 'medium' } });

    const applied = await sandbox.apply();
    expect(applied).toMatchObject({ running: true, owner: 'process', seed: 7, size: 'medium' });
    expect(applied.teamleader?.apiUrl).toBe(before.teamleader.apiUrl);
    expect(applied.mplus?.url).toBe(before.mplus.url);
    expect(readSandboxRecord(dataDir)).toMatchObject({ pid: process.pid, seed: 7, size: 'medium' });
    // The registry's clients were made for the old twins (their tokens): it makes new ones itself.
    expect(await contactExists(registry, 'small@example.test')).toBe(false);

    settings.update({ sandbox: { enabled: true, seed: 1, size: 'small' } });
    await sandbox.apply();
    expect(await contactExists(registry, 'small@example.test')).toBe(true);
    // Nothing to do when the data asked for is the data running.
    expect(await sandbox.apply()).toMatchObject({ seed: 1, size: 'small' });
  });

  it('ignores a sandbox.json left by a process that died', async () => {
    const dataDir = tempDataDir();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    writeSandboxRecord(dataDir, {
      pid: dead.pid ?? 999_999,
      startedAt: new Date().toISOString(),
      seed: 1,
      size: 'small',
      teamleader: {
        apiUrl: 'http://127.0.0.1:9',
        authUrl: 'http://127.0.0.1:9',
        adminUrl: 'http://127.0.0.1:9/_sandbox',
      },
      mplus: { url: 'http://127.0.0.1:9/', adminUrl: 'http://127.0.0.1:9/_sandbox' },
    });
    const { sandbox } = koppelProcess(dataDir);
    await sandbox.ensure();
    expect((await sandbox.status()).owner).toBe('process');
    expect(readSandboxRecord(dataDir)?.pid).toBe(process.pid);
  });

  it('refuses when the sandbox is turned off', async () => {
    const { settings, registry, sandbox } = koppelProcess(tempDataDir());
    settings.update({ sandbox: { enabled: false, seed: 1, size: 'small' } });
    await expect(sandbox.ensure()).rejects.toThrow('The sandbox is turned off in Settings');
    await expect(registry.mplus()).rejects.toThrow('No MplusKASSA connection');
  });

  it('words its refusals as codes that read in Dutch', async () => {
    const { settings, sandbox } = koppelProcess(tempDataDir());
    await sandbox.startOwned();
    const twice = await koppelRejectionOf(sandbox.startOwned());
    expect(twice).toMatchObject({
      code: 'conflict',
      message: 'The sandbox already runs in this process.',
      text: { code: 'sandboxAlreadyRunsHere' },
    });
    expect(apiMessageIn(twice, 'nl')).toBe('De sandbox draait al in dit proces.');

    await sandbox.dispose();
    settings.update({ sandbox: { enabled: false, seed: 1, size: 'small' } });
    const reset = await koppelRejectionOf(sandbox.reset());
    expect(reset).toMatchObject({ code: 'conflict', text: { code: 'sandboxOff' } });
    expect(apiMessageIn(reset, 'nl')).toBe('De sandbox staat uit in Instellingen.');
    const use = await koppelRejectionOf(sandbox.ensure());
    expect(use).toMatchObject({
      code: 'connection_failed',
      message: 'The sandbox is turned off in Settings; turn it on to use it.',
      text: { code: 'sandboxOffForUse' },
    });
    expect(apiMessageIn(use, 'nl')).toBe(
      'De sandbox staat uit in Instellingen; zet hem aan om hem te gebruiken.',
    );
  });
});

describe('koppel sandbox in another process', () => {
  function startCli(dataDir: string): { child: ChildProcessWithoutNullStreams; firstLine: Promise<string> } {
    const child = spawn(process.execPath, [
      path.join(appRoot(), 'bin', 'koppel.js'),
      'sandbox',
      '--data-dir',
      dataDir,
    ]);
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const firstLine = new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`koppel sandbox exited with ${code}`)));
    });
    return { child, firstLine };
  }

  it('prints one JSON line, is used by this process, refuses a second copy, and is taken over when it stops', async () => {
    const dataDir = tempDataDir();
    const { child, firstLine } = startCli(dataDir);
    const info = JSON.parse(await firstLine) as Record<string, Record<string, string>>;
    expect(Object.keys(info)).toEqual(['teamleader', 'mplus']);
    expect(Object.keys(info.teamleader ?? {})).toEqual([
      'apiUrl',
      'authUrl',
      'adminUrl',
      'clientId',
      'clientSecret',
    ]);
    expect(Object.keys(info.mplus ?? {})).toEqual(['url', 'adminUrl', 'ident', 'secret']);
    expect(readSandboxRecord(dataDir)?.pid).toBe(child.pid);

    const here = koppelProcess(dataDir);
    const endpoints = await here.sandbox.ensure();
    expect(endpoints.teamleader.apiUrl).toBe(info.teamleader?.apiUrl);
    expect(endpoints.mplus.url).toBe(info.mplus?.url);
    expect(await here.sandbox.status()).toMatchObject({ running: true, owner: 'shared' });
    await addContact(here.registry, 'shared@example.test');
    await here.sandbox.reset();
    expect(await contactExists(here.registry, 'shared@example.test')).toBe(false);
    // Its twins are restarted where they run, not from here.
    here.settings.update({ sandbox: { enabled: true, seed: 9, size: 'small' } });
    const applied = await koppelRejectionOf(here.sandbox.apply());
    expect(applied).toMatchObject({ code: 'conflict', text: { code: 'sandboxSharedApply' } });
    expect(apiMessageIn(applied, 'nl')).toBe(
      `De sandbox draait in een ander Koppel-proces (${child.pid}); herstart hem daar om andere voorbeeldgegevens te gebruiken.`,
    );
    here.settings.update({ sandbox: { enabled: true, seed: 1, size: 'small' } });

    // A second copy on the same data folder would share the twins' state files: refused.
    const second = await koppelRejectionOf(koppelProcess(dataDir).sandbox.startOwned());
    expect(second).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`A sandbox for this data folder already runs in process ${child.pid}`),
    });
    expect(second.text?.code).toBe('sandboxRunsElsewhere');
    expect(apiMessageIn(second, 'nl')).toBe(
      `Voor deze gegevensmap draait al een sandbox in proces ${child.pid} ` +
        `(Teamleader ${info.teamleader?.apiUrl}, MplusKASSA ${info.mplus?.url}). Stop die eerst, of gebruik hem.`,
    );

    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(readSandboxRecord(dataDir)).toBeUndefined();

    // The other process is gone: this one starts the twins itself, on the data the other one saved.
    const taken = await here.sandbox.ensure();
    expect(taken.teamleader.apiUrl).not.toBe(info.teamleader?.apiUrl);
    expect(await here.sandbox.status()).toMatchObject({ owner: 'process' });
    expect((await (await here.registry.teamleader()).users.me()).id).toBeTruthy();
  }, 60_000);
});
