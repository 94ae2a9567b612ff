import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

type Refusal = { code: string; message: string; textCode?: string; nl: string };

describe('vault without a keychain', () => {
  it('says so plainly, refuses to store and still reads environment secrets', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-nokeychain-'));
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'fixtures', 'vault-without-keychain.ts')],
      {
        // No session bus anywhere: the Secret Service cannot be reached.
        env: { PATH: process.env.PATH, HOME: home, DBUS_SESSION_BUS_ADDRESS: `unix:path=${home}/no-bus` },
      },
    );
    const result = JSON.parse(stdout.trim()) as {
      status: { available: boolean; message?: string; hint?: string };
      setError?: Refusal;
      requireError?: Refusal;
      ident?: string;
    };
    expect(result.status.available).toBe(false);
    expect(result.status.message).toMatch(/^The OS keychain is not available \(.+\)\./);
    expect(result.status.hint).toMatch(/install and unlock gnome-keyring/i);
    expect(result.setError?.code).toBe('keychain_unavailable');
    expect(result.setError?.message).toMatch(/install and unlock gnome-keyring/i);
    expect(result.ident).toBe('ident-from-env');
    // The same failure as a code, worded in Dutch with the Linux hint.
    expect(result.setError?.textCode).toBe('keychainUnavailable');
    expect(result.setError?.nl).toMatch(
      /^De sleutelhanger van het besturingssysteem is niet beschikbaar \(.+\)\. Koppel bewaart geheimen alleen in een Secret Service-sleutelhanger\. Installeer en ontgrendel gnome-keyring/,
    );
    expect(result.requireError).toEqual({
      code: 'keychain_unavailable',
      message: result.status.message,
      textCode: 'keychainUnavailable',
      nl: result.setError?.nl,
    });
    // Nothing weaker was written instead: the child's home holds no file at all.
    expect(fs.readdirSync(home)).toEqual([]);
    fs.rmSync(home, { recursive: true, force: true });
  });
});
