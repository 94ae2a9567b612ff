import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logTail, openFileLog, ROTATED_LOG_FILES } from './file-log';
import { redactSecrets, teeLogger, type Logger } from './logger';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-log-'));
  dirs.push(dir);
  return path.join(dir, 'logs');
};

describe('the log file', () => {
  it('keeps one line per entry from info up, with credentials hidden', async () => {
    const folder = tempDir();
    const log = openFileLog(folder, 'web');
    log.logger.debug('not kept');
    log.logger.info('Scheduled run of "Orders" started', { runId: 'r1' });
    log.logger.warn('Call failed', {
      error: 'GET https://api.example/soap?ident=shop-7&secret=s3cr3t failed; refresh_token=abc.def',
    });
    await log.close();
    expect(log.file).toBe(path.join(folder, 'koppel-web.log'));
    const lines = fs.readFileSync(log.file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z INFO Scheduled run of "Orders" started \{"runId":"r1"\}$/,
    );
    expect(lines[1]).toContain('ident=***&secret=***');
    expect(lines[1]).toContain('refresh_token=***');
    expect(lines[1]).not.toMatch(/shop-7|s3cr3t|abc\.def/);
    expect(logTail(log.file, 1)).toEqual([lines[1]]);
    expect(logTail(path.join(folder, 'none.log'), 5)).toEqual([]);
  });

  it(`rotates at its size, keeping ${ROTATED_LOG_FILES} old files`, async () => {
    const folder = tempDir();
    const log = openFileLog(folder, 'schedule');
    const line = 'x'.repeat(1000);
    // ~6 MB: more than the current file and the rotated ones hold.
    for (let i = 0; i < 6000; i += 1) log.logger.info(`${i} ${line}`);
    await log.close();
    const files = fs.readdirSync(folder).sort();
    expect(files).toContain('koppel-schedule.log');
    expect(files.filter((name) => /^koppel-schedule\.log\.\d+$/.test(name))).toHaveLength(ROTATED_LOG_FILES);
    for (const name of files)
      expect(fs.statSync(path.join(folder, name)).size).toBeLessThanOrEqual(1024 * 1024 + 1100);
    // The newest entries are in the current file.
    expect(logTail(log.file, 1)[0]).toContain('5999 ');
  });
});

describe('credentials in log lines', () => {
  it('hides JSON and URL values of secret-looking keys, and bearer tokens', () => {
    expect(redactSecrets('{"clientSecret":"k9","password": "hunter2","status":"ok"}')).toBe(
      '{"clientSecret":"***","password": "***","status":"ok"}',
    );
    expect(redactSecrets('Authorization: Bearer eyJhbGciOi.x-y_z')).toBe('Authorization: Bearer ***');
    // Words that only start like a key stay as they are.
    expect(redactSecrets('{"secrets":"keychain","identifier":"7","tokenExpiresAt":1}')).toBe(
      '{"secrets":"keychain","identifier":"7","tokenExpiresAt":1}',
    );
  });

  it('goes to every logger of a tee', () => {
    const seen: string[] = [];
    const into = (name: string): Logger => ({
      debug: (message) => seen.push(`${name} debug ${message}`),
      info: (message) => seen.push(`${name} info ${message}`),
      warn: (message) => seen.push(`${name} warn ${message}`),
      error: (message) => seen.push(`${name} error ${message}`),
    });
    teeLogger(into('console'), into('file')).warn('hello');
    expect(seen).toEqual(['console warn hello', 'file warn hello']);
  });
});
