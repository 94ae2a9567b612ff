import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import { KoppelError } from '../../shared/api/errors';
import type { EmailAlerts } from '../../shared/settings/settings';
import { createApp, type App } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { readAllFiles, tempDataDir, testKeychain } from '../connections/testing/fixtures';
import { staticConnections } from '../engine/connections';
import { memoryFlow, sampleOrders } from '../engine/testing/memory-flow';
import { MemorySystem } from '../engine/testing/memory-system';
import { Vault } from '../vault/vault';
import { AlertsPassword } from './alerts-password';
import { alertMail, checkEmailAlerts, recipients } from './email-alerts';

const PASSWORD = 'smtp-pass-4f1e';

interface Received {
  from: string | undefined;
  to: string[];
  user: string | undefined;
  data: string;
}

/** A real SMTP server on loopback that keeps what it receives (plain, with AUTH PLAIN/LOGIN). */
async function startMailServer(): Promise<{
  port: number;
  received: Received[];
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth: (auth, _session, callback) =>
      auth.username === 'alerts' && auth.password === PASSWORD
        ? callback(null, { user: auth.username })
        : callback(new Error('Invalid username or password')),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The body of a received message, with quoted-printable soft breaks undone. */
const bodyOf = (data: string) =>
  data
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('e-mail alerts', () => {
  let app: App;
  let vault: Vault;
  let dataDir: string;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  const system = new MemorySystem();

  const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await app.dispatch(name, input);
    if (!result.ok) throw KoppelError.fromApiError(result.error);
    return result.output as CallOutput<K>;
  };

  const settings = (over: Partial<EmailAlerts> = {}): EmailAlerts => ({
    enabled: true,
    host: '127.0.0.1',
    port: mail.port,
    security: 'none',
    username: 'alerts',
    from: 'koppel@shop.example',
    to: 'owner@shop.example, books@shop.example',
    ...over,
  });

  beforeAll(async () => {
    mail = await startMailServer();
    vault = new Vault({ keychain: await testKeychain(), env: {} });
    dataDir = tempDataDir();
    app = await createApp({
      host: 'web',
      dataDir,
      vault,
      logger: silentLogger,
      engineConnections: staticConnections({ memory: system }),
    });
  });

  afterAll(async () => {
    if (app) await new AlertsPassword(vault, app.ctx.settings).delete().catch(() => undefined);
    await app?.dispose();
    await mail?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses settings that could not send, naming the field, in the UI language', () => {
    const refusal = (over: Partial<EmailAlerts>) => {
      try {
        checkEmailAlerts({ ...settings(), ...over });
        return undefined;
      } catch (error) {
        return error instanceof KoppelError
          ? { field: (error.detail as { field?: string } | undefined)?.field, nl: apiMessageIn(error, 'nl') }
          : error;
      }
    };
    expect(refusal({ host: '' })).toEqual({
      field: 'host',
      nl: 'Geef de mailserver (SMTP) die de meldingen verstuurt.',
    });
    expect(refusal({ from: 'Koppel' })).toMatchObject({ field: 'from' });
    expect(refusal({ to: ' ' })).toMatchObject({ field: 'to' });
    expect(refusal({ to: 'owner@shop.example; boekhouding' })).toEqual({
      field: 'to',
      nl: '"boekhouding" is geen e-mailadres om de meldingen naar te sturen.',
    });
    // Off, they are kept as typed.
    expect(refusal({ enabled: false, host: '' })).toBeUndefined();
    expect(recipients('a@x.example; b@x.example,,')).toEqual(['a@x.example', 'b@x.example']);
  });

  it('words a flow that works again as the desktop does, without a list of records', () => {
    const mailText = alertMail(
      {
        id: 'n1',
        kind: 'recovered',
        flowId: 'f1',
        flowName: 'POS orders',
        runId: 'run-9',
        status: 'succeeded',
        counts: { total: 4, succeeded: 4, skipped: 0, failed: 0 },
        error: null,
        at: '2026-12-02T10:00:00.000Z',
        folded: 0,
      },
      'en',
      [],
    );
    expect(mailText.subject).toBe('Koppel: POS orders recovered');
    expect(mailText.text).toBe(
      'The last run succeeded: 4 records synced.\n\nFlow: POS orders\nRun: run-9 (2026-12-02T10:00:00.000Z)\n' +
        'Records: 4 in all, 4 succeeded, 0 skipped, 0 failed\n\nOpen the run in Koppel: koppel://runs/run-9\n',
    );
    // The HTML part says the same, its link one a mail program opens (the desktop app takes koppel://).
    expect(mailText.html).toBe(
      '<!doctype html>\n<html><head><meta charset="utf-8"></head><body>\n<p>The last run succeeded: 4 records synced.</p>\n' +
        '<p>Flow: POS orders<br>\nRun: run-9 (2026-12-02T10:00:00.000Z)<br>\n' +
        'Records: 4 in all, 4 succeeded, 0 skipped, 0 failed</p>\n' +
        '<p>Open the run in Koppel: <a href="koppel://runs/run-9">koppel://runs/run-9</a></p>\n</body></html>\n',
    );
  });

  it('says when the attached CSV holds only the first failed records', () => {
    const notice = {
      id: 'n2',
      kind: 'failed' as const,
      flowId: 'f1',
      flowName: 'POS orders',
      runId: 'run-10',
      status: 'failed' as const,
      counts: { total: 9000, succeeded: 0, skipped: 0, failed: 9000 },
      error: null,
      at: '2026-12-02T10:00:00.000Z',
      folded: 0,
    };
    const file = { fileName: 'POS orders 2026-12-02 10.00 failed.csv', text: 'x', records: 5000, cut: true };
    const mailText = alertMail(notice, 'en', [], file);
    expect(mailText.text).toContain(
      'The first 5000 failed records are in the attached CSV file "POS orders 2026-12-02 10.00 failed.csv".',
    );
    expect(mailText.attachment).toEqual({ fileName: file.fileName, text: 'x' });
  });

  it('escapes what users typed in the HTML part, and links only a run id', () => {
    const notice = {
      id: 'n3',
      kind: 'failed' as const,
      flowId: 'f1',
      flowName: 'Shop <b>&</b> "B"',
      runId: 'run-11',
      status: 'failed' as const,
      counts: { total: 1, succeeded: 0, skipped: 0, failed: 1 },
      error: null,
      at: '2026-12-02T10:00:00.000Z',
      folded: 0,
    };
    const failed = [{ label: 'ORD-1 <img src=x>', reason: 'VAT number is required' }];
    const { html, text } = alertMail(notice, 'en', failed);
    expect(html).toContain('Flow: Shop &#60;b&#62;&#38;&#60;/b&#62; &#34;B&#34;<br>');
    expect(html).toContain('- ORD-1 &#60;img src=x&#62;: VAT number is required');
    expect(html).not.toMatch(/<(b|img)\b/);
    expect(text).toContain(
      'Open the failed records in Koppel to see why, and retry them there: koppel://runs/run-11/failed',
    );
    // A run id that could not be one (from a damaged database, say) gets words, not a link.
    const unlinked = alertMail({ ...notice, runId: '../settings' }, 'en', failed);
    expect(unlinked.text).toContain(
      'Open the failed records in Koppel to see why, and retry them there (Runs).',
    );
    expect(unlinked.html).not.toContain('<a ');
  });

  it('keeps the password in the keychain only, and sends a test e-mail signed in with it', async () => {
    await expect(call('settings.testEmailAlert', {})).rejects.toThrow('E-mail alerts are off');
    const saved = await call('settings.saveEmailAlerts', { ...settings(), password: PASSWORD });
    expect(saved).toEqual({ emailAlerts: settings(), password: 'stored', lastAlert: null });
    expect(await new AlertsPassword(vault, app.ctx.settings).get()).toBe(PASSWORD);
    for (const { file, text } of readAllFiles(dataDir)) expect(text, file).not.toContain(PASSWORD);

    const { sentTo } = await call('settings.testEmailAlert', {});
    expect(sentTo).toEqual(['owner@shop.example', 'books@shop.example']);
    const test = mail.received.at(-1);
    expect(test).toMatchObject({ from: 'koppel@shop.example', to: sentTo, user: 'alerts' });
    expect(test?.data).toContain('Subject: Koppel: test e-mail');

    // Saved again without a password: the stored one stays. A wrong one: the server's words.
    expect(await call('settings.saveEmailAlerts', settings())).toMatchObject({ password: 'stored' });
    await call('settings.saveEmailAlerts', { ...settings(), password: 'wrong' });
    const refused = await call('settings.testEmailAlert', {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KoppelError);
    expect(String(refused)).toMatch(
      /The mail server 127\.0\.0\.1 did not take the e-mail: .*Invalid username or password/,
    );
    await call('settings.saveEmailAlerts', { ...settings(), password: PASSWORD });
  });

  it('mails a failed run with its failed records, in the settings language, once in 15 minutes', async () => {
    await call('settings.update', { language: 'nl' });
    system.seed('orders', sampleOrders(3));
    const failing = memoryFlow({
      transforms: [
        {
          kind: 'core.transform.validate',
          id: 'check',
          config: { rules: [{ path: 'vatNumber', rule: 'required' }] },
        },
      ],
    });
    const before = mail.received.length;
    const { runId } = await call('runs.start', { flow: failing });
    for (let i = 0; i < 200 && mail.received.length === before; i += 1)
      await new Promise((r) => setTimeout(r, 25));
    const alert = mail.received.at(-1);
    expect(alert?.to).toEqual(['owner@shop.example', 'books@shop.example']);
    const text = bodyOf(alert?.data ?? '');
    expect(text).toContain('Subject: Koppel: Memory flow: run mislukt');
    expect(text).toContain(`Run: ${runId}`);
    expect(text).toContain('Records: 3 in totaal, 0 gelukt, 0 overgeslagen, 3 mislukt');
    expect(text).toMatch(/Mislukte records:\r?\n- ORD-1001/);
    expect(text).toContain(
      `Open de mislukte records in Koppel om te zien waarom, en probeer ze daar opnieuw: koppel://runs/${runId}/failed`,
    );

    // All failed records as the run page's CSV, in Dutch, named for the flow, the run's start and the filter.
    const parsed = await simpleParser(alert?.data ?? '');
    // The HTML part links to the failed records; a name a user typed cannot become markup there.
    expect(parsed.html).toContain(
      `<a href="koppel://runs/${runId}/failed">koppel://runs/${runId}/failed</a>`,
    );
    expect(parsed.html).toContain('<p>Mislukte records:<br>');
    expect(parsed.text).toContain('Alle mislukte records staan in het bijgevoegde CSV-bestand "Memory flow ');
    expect(parsed.attachments).toHaveLength(1);
    const [csv] = parsed.attachments;
    expect(csv?.filename).toMatch(/^Memory flow \d{4}-\d\d-\d\d \d\d\.\d\d mislukt\.csv$/);
    expect(csv?.contentType).toBe('text/csv');
    const rows = (csv?.content.toString('utf8') ?? '')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe('Ordernummer;E-mail;SKU;Record;Status;Node;Resultaat;Pogingen;Gestart;Klaar');
    expect(rows.slice(1).map((row) => [row.split(';')[0], row.split(';')[4]])).toEqual([
      ['ORD-1001', 'Mislukt'],
      ['ORD-1002', 'Mislukt'],
      ['ORD-1003', 'Mislukt'],
    ]);

    // The next failure of the same flow within 15 minutes is folded, not mailed again.
    const count = mail.received.length;
    await call('runs.start', { flow: failing });
    await new Promise((r) => setTimeout(r, 500));
    expect(mail.received.length).toBe(count);
    // Settings says how the last alert went.
    expect((await call('settings.emailAlerts', {})).lastAlert).toEqual({
      at: expect.stringMatching(/^\d{4}-/),
      kind: 'failed',
      flowName: 'Memory flow',
      runId,
      sent: true,
      to: ['owner@shop.example', 'books@shop.example'],
    });
  });

  it("says in Settings that the last alert could not be sent, and the mail server's reason", async () => {
    await call('settings.saveEmailAlerts', { ...settings(), password: 'wrong' });
    try {
      system.seed('orders', sampleOrders(1));
      const other = memoryFlow({
        id: 'other-flow',
        name: 'Other flow',
        transforms: [
          {
            kind: 'core.transform.validate',
            id: 'check',
            config: { rules: [{ path: 'vatNumber', rule: 'required' }] },
          },
        ],
      });
      const { runId } = await call('runs.start', { flow: other });
      let last = (await call('settings.emailAlerts', {})).lastAlert;
      for (let i = 0; i < 200 && last?.runId !== runId; i += 1) {
        await new Promise((r) => setTimeout(r, 25));
        last = (await call('settings.emailAlerts', {})).lastAlert;
      }
      expect(last).toMatchObject({ kind: 'failed', flowName: 'Other flow', runId, sent: false });
      expect(last?.error).toMatch(/did not take the e-mail: .*Invalid username or password/);
    } finally {
      await call('settings.saveEmailAlerts', { ...settings(), password: PASSWORD });
    }
  });
});
