import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import { SandboxSize } from '../../shared/settings/settings';

/**
 * `<dataDir>/sandbox/sandbox.json`: which process runs the sandbox and on which ports, so `koppel run`
 * in one terminal can use the twins `koppel sandbox` serves in another. It never holds a token.
 */
export const SandboxRecord = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  seed: z.number().int(),
  size: SandboxSize,
  teamleader: z.object({ apiUrl: z.url(), authUrl: z.url(), adminUrl: z.url() }),
  mplus: z.object({ url: z.url(), adminUrl: z.url() }),
});
export type SandboxRecord = z.infer<typeof SandboxRecord>;

export const sandboxDir = (dataDir: string): string => path.join(dataDir, 'sandbox');
const recordFile = (dataDir: string) => path.join(sandboxDir(dataDir), 'sandbox.json');
const lockFile = (dataDir: string) => path.join(sandboxDir(dataDir), 'starting.lock');
// Tells this process's lock from one a crashed earlier process with the same pid left behind.
const lockOwner = `${process.pid} ${randomBytes(6).toString('hex')}`;

/** The recorded sandbox, or undefined when there is none or the file is unreadable. */
export function readSandboxRecord(dataDir: string): SandboxRecord | undefined {
  try {
    return SandboxRecord.parse(JSON.parse(fs.readFileSync(recordFile(dataDir), 'utf8')));
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a reader never sees half a record. */
export function writeSandboxRecord(dataDir: string, record: SandboxRecord): void {
  fs.mkdirSync(sandboxDir(dataDir), { recursive: true });
  const temporary = `${recordFile(dataDir)}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(record, null, 2));
  fs.renameSync(temporary, recordFile(dataDir));
}

/** Removes the record if it is this process's (another process may have taken over since). */
export function removeSandboxRecord(dataDir: string, pid: number = process.pid): void {
  if (readSandboxRecord(dataDir)?.pid === pid) fs.rmSync(recordFile(dataDir), { force: true });
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding `<dataDir>/sandbox/starting.lock`, so two processes never start twins on
 * the same state files at once. A lock left by a dead process is taken over; a live holder is
 * waited for (it is starting the sandbox this process will then find in sandbox.json).
 */
export async function withStartLock<T>(dataDir: string, work: () => Promise<T>, waitMs = 30_000): Promise<T> {
  fs.mkdirSync(sandboxDir(dataDir), { recursive: true });
  const file = lockFile(dataDir);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(file, lockOwner, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const content = readText(file);
      const holder = Number(content.split(' ')[0]);
      const stale = !Number.isInteger(holder) || holder <= 0 || !pidAlive(holder);
      if (stale || (holder === process.pid && content !== lockOwner)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new KoppelError('unavailable', apiMessage('sandboxStartTakesLong', { pid: holder }));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    if (readText(file) === lockOwner) fs.rmSync(file, { force: true });
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}
