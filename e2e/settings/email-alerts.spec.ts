import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { expect, openApp, test } from '../fixtures/test';
import { startWebHost } from '../fixtures/web-host';

const shots = path.resolve(__dirname, '../../test-results/screens');

/**
 * A real SMTP server on loopback that takes mail without TLS and keeps who signed in and to whom;
 * `open`: it takes mail without signing in too.
 */
async function mailServer(open = false) {
  const received: { user: unknown; to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: open,
    onAuth: (auth, _session, callback) =>
      auth.password === 'mail-secret'
        ? callback(null, { user: auth.username })
        : callback(new Error('535 Authentication failed')),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          user: session.user,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test.describe('e-mail alerts', () => {
  test('are set up on the Settings screen: a wrong address is refused, the test e-mail arrives, the password stays out of the files', async ({
    page,
    host,
  }) => {
    const mail = await mailServer();
    try {
      await openApp(page, host, '/settings');
      const section = page.getByRole('group', { name: 'E-mail alerts' });
      await expect(section).toBeVisible();
      await expect(section.getByTestId('alerts-host')).toBeDisabled();
      await section.getByTestId('alerts-enabled').check();
      await section.getByTestId('alerts-to').fill('owner@shop.example, books');
      await section.getByTestId('alerts-from').fill('koppel@shop.example');
      await section.getByTestId('alerts-host').fill('127.0.0.1');
      await section.getByTestId('alerts-port').fill(String(mail.port));
      await section.getByTestId('alerts-security').selectOption('none');
      await section.getByTestId('alerts-username').fill('alerts');
      await section.getByTestId('alerts-password').fill('mail-secret');
      await expect(section.getByTestId('alerts-test')).toBeDisabled();
      await section.getByTestId('alerts-save').click();
      await expect(section.getByTestId('alerts-result')).toHaveText(
        '"books" is not an e-mail address to send the alerts to.',
      );

      await section.getByTestId('alerts-to').fill('owner@shop.example, books@shop.example');
      await section.getByTestId('alerts-save').click();
      await expect(section.getByTestId('alerts-result')).toHaveText('Saved.');
      await expect(section.getByTestId('alerts-password')).toHaveAttribute(
        'placeholder',
        'stored; type to replace',
      );
      await section.getByTestId('alerts-test').click();
      await expect(section.getByTestId('alerts-result')).toHaveText(
        'Test e-mail sent to owner@shop.example, books@shop.example.',
      );
      expect(mail.received).toHaveLength(1);
      expect(mail.received[0]).toMatchObject({
        user: 'alerts',
        to: ['owner@shop.example', 'books@shop.example'],
      });
      expect(mail.received[0]?.data).toContain('Subject: Koppel: test e-mail');
      await section.screenshot({ path: path.join(shots, 'settings-email-alerts.png') });

      const settings = fs.readFileSync(path.join(host.dataDir, 'settings.json'), 'utf8');
      expect(JSON.parse(settings).emailAlerts).toMatchObject({
        enabled: true,
        port: mail.port,
        username: 'alerts',
      });
      expect(settings).not.toContain('mail-secret');

      // In Dutch, after a reload: the saved settings, and the server's refusal in its own words.
      await page.getByTestId('settings-language').selectOption('nl');
      await page.reload();
      const dutch = page.getByRole('group', { name: 'Meldingen per e-mail' });
      await expect(dutch.getByTestId('alerts-host')).toHaveValue('127.0.0.1');
      await dutch.getByTestId('alerts-password').fill('not-it');
      await dutch.getByTestId('alerts-save').click();
      await expect(dutch.getByTestId('alerts-result')).toHaveText('Opgeslagen.');
      await dutch.getByTestId('alerts-test').click();
      await expect(dutch.getByTestId('alerts-result')).toContainText(
        'De mailserver 127.0.0.1 nam de e-mail niet aan: ',
      );
      await dutch.screenshot({ path: path.join(shots, 'settings-email-alerts-refused.png') });
    } finally {
      await mail.close();
    }
  });

  test('stay on the Settings screen without a keychain: no password can be kept, a server without sign-in works', async ({
    page,
  }) => {
    const mail = await mailServer(true);
    // Its own host, with no session bus: the keychain cannot be reached.
    const host = await startWebHost({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } });
    try {
      await openApp(page, host, '/settings');
      const section = page.getByRole('group', { name: 'E-mail alerts' });
      await expect(section).toBeVisible();
      await section.getByTestId('alerts-enabled').check();
      await section.getByTestId('alerts-to').fill('owner@shop.example');
      await section.getByTestId('alerts-from').fill('koppel@shop.example');
      await section.getByTestId('alerts-host').fill('127.0.0.1');
      await section.getByTestId('alerts-port').fill(String(mail.port));
      await section.getByTestId('alerts-security').selectOption('none');
      await section.getByTestId('alerts-username').fill('alerts');
      const password = section.getByTestId('alerts-password');
      await expect(password).toBeDisabled();
      await expect(password).toHaveAttribute('placeholder', 'no keychain on this PC');
      await expect(section.getByTestId('alerts-password-unavailable')).toContainText(
        'Give it in KOPPEL_SECRET_EMAIL_ALERTS_PASSWORD',
      );
      await section.screenshot({ path: path.join(shots, 'settings-email-alerts-no-keychain.png') });
      await section.getByTestId('alerts-username').fill('');
      await section.getByTestId('alerts-save').click();
      await expect(section.getByTestId('alerts-result')).toHaveText('Saved.');
      await section.getByTestId('alerts-test').click();
      await expect(section.getByTestId('alerts-result')).toHaveText(
        'Test e-mail sent to owner@shop.example.',
      );
      expect(mail.received).toHaveLength(1);
      expect(mail.received[0]).toMatchObject({ user: undefined, to: ['owner@shop.example'] });
    } finally {
      await host.stop();
      await mail.close();
    }
  });
});
