import { hash } from 'node:crypto';
import type { Db } from './database';
import { processAlive, type LockOwner } from './flow-locks';

/** What a run made, by key, for the other runs (of any process on this data folder): kept this long. */
export const MADE_KEPT_MS = 10 * 60_000;

export interface MakingClaimsOptions {
  /** A claim older than this is taken over even when its process seems alive (a reused pid). */
  staleAfterMs?: number;
  isAlive?: (host: string, pid: number) => boolean;
}

interface ClaimRow {
  owner: string;
  host: string;
  pid: number;
  claimed_at: number;
}

/**
 * The database's half of the making lock (`main/engine/making-lock.ts`): which process is making a
 * record under a key of an account, and what was made under it lately, across the processes that
 * share the data folder (the desktop app and `koppel run`). Rows name an account and key only by
 * their hash: keys hold customers' e-mail addresses, which an erase request could not find here.
 */
export class MakingClaims {
  private readonly staleAfterMs: number;
  private readonly isAlive: (host: string, pid: number) => boolean;
  private readonly claimStmt;
  private readonly insertClaimStmt;
  private readonly releaseStmt;
  private readonly madeStmt;
  private readonly insertMadeStmt;
  private readonly pruneMadeStmt;
  private readonly takeClaim: (keyHash: string, now: number) => boolean;

  constructor(
    db: Db,
    private readonly owner: LockOwner,
    options: MakingClaimsOptions = {},
  ) {
    this.staleAfterMs = options.staleAfterMs ?? 15 * 60_000;
    this.isAlive = options.isAlive ?? processAlive;
    this.claimStmt = db.prepare<[string], ClaimRow>(
      'SELECT owner, host, pid, claimed_at FROM making_claims WHERE key_hash = ?',
    );
    this.insertClaimStmt = db.prepare(
      `INSERT OR REPLACE INTO making_claims (key_hash, owner, host, pid, claimed_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.releaseStmt = db.prepare('DELETE FROM making_claims WHERE key_hash = ? AND owner = ?');
    this.madeStmt = db.prepare<[string, number, number], { target_id: string }>(
      'SELECT target_id FROM made_records WHERE key_hash = ? AND made_at >= ? AND made_at > ?',
    );
    this.insertMadeStmt = db.prepare(
      'INSERT OR REPLACE INTO made_records (key_hash, target_id, made_at) VALUES (?, ?, ?)',
    );
    this.pruneMadeStmt = db.prepare('DELETE FROM made_records WHERE made_at <= ?');
    // Read and write in one write transaction: two processes cannot both see the key free.
    const take = db.transaction((keyHash: string, now: number): boolean => {
      const row = this.claimStmt.get(keyHash);
      if (row && row.owner !== this.owner.id && this.holds(row, now)) return false;
      this.insertClaimStmt.run(keyHash, this.owner.id, this.owner.host, this.owner.pid, now);
      return true;
    });
    this.takeClaim = (keyHash, now) => take.immediate(keyHash, now);
  }

  /** Claims `key` of `account` for this process; false while another live process holds it. */
  claim(account: string, key: string, now: number): boolean {
    return this.takeClaim(keyHash(account, key), now);
  }

  release(account: string, key: string): void {
    this.releaseStmt.run(keyHash(account, key), this.owner.id);
  }

  /** The id made under `key` of `account` at or after `since` and within {@link MADE_KEPT_MS}. */
  madeSince(account: string, key: string, since: number, now: number): string | undefined {
    return this.madeStmt.get(keyHash(account, key), since, now - MADE_KEPT_MS)?.target_id;
  }

  /** Notes what this process made under `key` of `account` (and forgets what is past keeping). */
  recordMade(account: string, key: string, id: string, now: number): void {
    this.insertMadeStmt.run(keyHash(account, key), id, now);
    this.pruneMadeStmt.run(now - MADE_KEPT_MS);
  }

  /** Whether a claim's process still holds it: alive, and not holding it implausibly long. */
  private holds(row: ClaimRow, now: number): boolean {
    return now - row.claimed_at < this.staleAfterMs && this.isAlive(row.host, row.pid);
  }
}

function keyHash(account: string, key: string): string {
  return hash('sha256', `${account}\0${key}`);
}
