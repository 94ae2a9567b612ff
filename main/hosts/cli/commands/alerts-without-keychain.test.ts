import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = path.resolve(__dirname, '../../../../bin/koppel.js');

/**
 * `koppel alerts` on a server without a keychain (the child's D-Bus address points nowhere): a
 * mail server that needs no sign-in works, and one that does is told plainly instead of asked for a
 * password that could not be kept.
 */
describe('koppel alerts without a keychain', () => {
  let server: SMTPServer;
  let port: number;
  let home: string;
  const received: string[][] = [];

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-alerts-nokeychain-'));
    server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData: (stream, session, callback) => {
        stream.resume();
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(home, { recursive: true, force: true });
  });

  /** The command in a child with no session bus; stdin open, so a prompt would show in its output. */
  const koppel = (...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'alerts', ...args, '--data-dir', path.join(home, 'data')], {
        env: { PATH: process.env.PATH, HOME: home, DBUS_SESSION_BUS_ADDRESS: `unix:path=${home}/no-bus` },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // A prompt would wait for an answer: end the input after a while so the test cannot hang.
      const timer = setTimeout(() => child.stdin.end(), 20_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });

  it('sends through a server without sign-in, and says a password cannot be kept instead of asking for one', async () => {
    const server = ['--to', 'owner@shop.example', '--from', 'koppel@shop.example', '--host', '127.0.0.1'];
    const open = await koppel('email', ...server, '--port', String(port), '--security', 'none');
    expect(open.stderr).toBe('');
    expect(open.code).toBe(0);
    expect(open.stdout).toBe(
      `E-mail alerts are on: to owner@shop.example from koppel@shop.example through 127.0.0.1:${port} (none), without signing in.\n`,
    );
    const test = await koppel('test');
    expect(test.stderr).toBe('');
    expect(test.stdout).toBe('Test e-mail sent to owner@shop.example.\n');
    expect(received).toEqual([['owner@shop.example']]);

    const signing = await koppel('email', '--username', 'mailer');
    expect(signing.code).toBe(0);
    expect(signing.stdout + signing.stderr).not.toContain('Password for');
    expect(signing.stdout).toContain(
      'as mailer (password: none: no keychain on this PC; give it in KOPPEL_SECRET_EMAIL_ALERTS_PASSWORD).',
    );
    const refused = await koppel('test');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/The OS keychain is not available/);
    expect(received).toHaveLength(1);
  });
});
