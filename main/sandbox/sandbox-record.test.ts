import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { koppelRejectionOf } from '../../shared/api/testing/koppel-error-of';
import { sandboxDir, withStartLock } from './sandbox-record';

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-sandbox-lock-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('withStartLock', () => {
  it('runs the work and leaves no lock behind', async () => {
    const dir = dataDir();
    expect(await withStartLock(dir, () => Promise.resolve(42))).toBe(42);
    expect(fs.existsSync(path.join(sandboxDir(dir), 'starting.lock'))).toBe(false);
  });

  it('takes over a lock a dead process left', async () => {
    const dir = dataDir();
    fs.mkdirSync(sandboxDir(dir), { recursive: true });
    // No process has this pid (above Linux's pid_max).
    fs.writeFileSync(path.join(sandboxDir(dir), 'starting.lock'), '4194305 deadbeef');
    expect(await withStartLock(dir, () => Promise.resolve('ran'), 500)).toBe('ran');
  });

  it('says which live process holds the lock once the wait is over, in both languages', async () => {
    const dir = dataDir();
    fs.mkdirSync(sandboxDir(dir), { recursive: true });
    // The test runner's parent process is alive for the whole test.
    const holder = process.ppid;
    fs.writeFileSync(path.join(sandboxDir(dir), 'starting.lock'), `${holder} 0123456789ab`);
    let ran = false;
    const error = await koppelRejectionOf(
      withStartLock(
        dir,
        () => {
          ran = true;
          return Promise.resolve();
        },
        300,
      ),
    );
    expect(ran).toBe(false);
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(
      `Another Koppel process (pid ${holder}) has been starting the sandbox for too long; try again once it has started, or stop that process.`,
    );
    expect(apiMessageIn(error, 'nl')).toBe(
      `Een ander Koppel-proces (pid ${holder}) is al te lang bezig de sandbox te starten; probeer het opnieuw als hij gestart is, of stop dat proces.`,
    );
    // The other process's lock stays.
    expect(fs.readFileSync(path.join(sandboxDir(dir), 'starting.lock'), 'utf8')).toBe(
      `${holder} 0123456789ab`,
    );
  });
});
