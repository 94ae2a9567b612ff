import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllFiles, tempDataDir, testKeychain, testSettings } from '../../../connections/testing/fixtures';
import { createApp } from '../../../app/create-app';
import { silentLogger } from '../../../app/logger';
import { AlertsPassword } from '../../../notifications/alerts-password';
import { recordLastAlert } from '../../../notifications/last-alert';
import { Vault } from '../../../vault/vault';
import { registerAlerts } from './alerts';
import { cliRunner } from '../testing/cli-runner';

const PASSWORD = 'cli-mail-pass-77';

/** `koppel alerts …` in-process over one data folder, the real keychain and an SMTP server on loopback. */
describe('koppel alerts', () => {
  let vault: Vault;
  let dataDir: string;
  let server: SMTPServer;
  let port: number;
  const received: { user: unknown; to: string[] }[] = [];
  /** The data folder's alert password, as the commands keep it. */
  const folderPassword = () => new AlertsPassword(vault, testSettings(dataDir));

  beforeAll(async () => {
    vault = new Vault({ keychain: await testKeychain(), env: {} });
    dataDir = tempDataDir();
    server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) =>
        auth.password === PASSWORD
          ? callback(null, { user: auth.username })
          : callback(new Error('Bad password')),
      onData: (stream, session, callback) => {
        stream.resume();
        stream.on('end', () => {
          received.push({ user: session.user, to: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    if (vault)
      await folderPassword()
        .delete()
        .catch(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const run = cliRunner(registerAlerts, { dataDir: () => dataDir, vault: () => vault });
  const koppel = (args: string[], answers: string[] = []) => run(['alerts', ...args], answers);

  it('sets up e-mail alerts on a server: the password asked for (hidden) and kept in the keychain, then a test e-mail', async () => {
    expect((await koppel(['email'])).stdout).toBe(
      'E-mail alerts are off (koppel alerts email --to … --from … --host … turns them on).\n',
    );
    const refused = await koppel([
      'email',
      '--to',
      'owner',
      '--from',
      'koppel@shop.example',
      '--host',
      '127.0.0.1',
    ]);
    expect(refused).toMatchObject({ code: 2, asked: [] });
    expect(refused.stderr).toBe(
      'koppel alerts email: "owner" is not an e-mail address to send the alerts to.\n',
    );

    const set = await koppel(
      [
        'email',
        ...['--to', 'owner@shop.example', '--from', 'koppel@shop.example', '--host', '127.0.0.1'],
        ...['--port', String(port), '--security', 'none', '--username', 'alerts'],
      ],
      [PASSWORD],
    );
    expect(set.stderr).toBe('');
    expect(set.asked).toEqual([{ question: 'Password for alerts at 127.0.0.1: ', hidden: true }]);
    expect(set.stdout).toBe(
      `E-mail alerts are on: to owner@shop.example from koppel@shop.example through 127.0.0.1:${port} (none), as alerts (password: stored).\n`,
    );
    expect(await folderPassword().get()).toBe(PASSWORD);
    for (const { file, text } of readAllFiles(dataDir)) expect(text, file).not.toContain(PASSWORD);

    expect(await koppel(['test'])).toMatchObject({
      code: 0,
      stdout: 'Test e-mail sent to owner@shop.example.\n',
    });
    expect(received).toEqual([{ user: 'alerts', to: ['owner@shop.example'] }]);

    // Another address; Enter keeps the password. Then off, keeping the settings.
    const more = await koppel(['email', '--to', 'owner@shop.example, books@shop.example', '--json'], ['']);
    expect(JSON.parse(more.stdout)).toMatchObject({
      emailAlerts: { enabled: true, to: 'owner@shop.example, books@shop.example' },
      password: 'stored',
    });
    expect((await koppel(['email', '--off'])).stdout).toMatch(
      /^E-mail alerts are off: to owner@shop\.example/,
    );
    expect(await koppel(['test', '--json'])).toMatchObject({ code: 2 });
    const badSecurity = await koppel(['email', '--security', 'ssl']).catch((error: Error) => error);
    expect(String(badSecurity)).toContain('use tls, starttls, none, got "ssl"');
  });

  it('says how the last alert went, as Settings does', async () => {
    // An alert the app or `koppel schedule` could not send, as it keeps it in the data folder.
    const app = await createApp({ host: 'cli', dataDir, logger: silentLogger, vault });
    try {
      recordLastAlert(app.ctx.sync.store, {
        at: '2026-12-02T06:00:00.000Z',
        kind: 'failed',
        flowName: 'POS orders',
        runId: 'run-1',
        sent: false,
        to: ['owner@shop.example'],
        error: 'The mail server smtp.shop.example did not take the e-mail: 535 Authentication failed',
      });
    } finally {
      await app.dispose();
    }
    expect((await koppel(['email'])).stdout).toContain(
      'The last alert ("POS orders" failed, 2026-12-02T06:00:00.000Z) could not be sent: The mail server smtp.shop.example did not take the e-mail: 535 Authentication failed\n',
    );
  });
});
