import { setTimeout as sleep } from 'node:timers/promises';
import { nanoid } from 'nanoid';
import type { MakingClaims } from '../store/making-claims';

/** Looks a record up and makes it when missing; see {@link MakingLock.whileMaking}. */
export type MakingWork<T> = (madeMeanwhile: string | undefined, made: (id: string) => void) => Promise<T>;

/** The first wait for another process's claim, doubled up to the longest. */
const CLAIM_POLL_FIRST_MS = 20;
const CLAIM_POLL_LONGEST_MS = 500;

/**
 * The keys records are made under, one spelling per kind of record whichever node makes it (the
 * target and the orders flow's step must meet on the same key).
 */
export const makingKey = {
  product: (code: string) => `product:${code}`,
  customer: (kind: 'company' | 'contact', email: string) => `${kind}:${email.trim().toLowerCase()}`,
  relation: (email: string) => `relation:${email.trim().toLowerCase()}`,
};

/**
 * Several flows make the same kind of record (the products flow and the orders flow's missing
 * products; the customers flow and the orders flow's customers) and may run at once, in one process
 * or in two on the same data folder (the desktop app and `koppel run`). Each looks a key up, finds
 * it missing and makes it; the add can come seconds after the look-up (Teamleader's 200 calls a
 * minute), so both made it. Under this lock one run at a time looks a key of an account up and
 * makes it, and the next learns what the first made, though its own look-up was earlier, and uses
 * it instead.
 *
 * One per store (per process and data folder): runs of this process queue in memory, in the order
 * they asked; the process then claims the key in the database (`MakingClaims`) and waits while
 * another live process holds it. A record a person makes between a look-up and its add is not
 * covered; nor are two connections to one account.
 */
export class MakingLock {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly claims: MakingClaims,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `work` while no other run does so for `key` of `account`, and tells it what a run made
   * under that key at or after `since` (the run's start: what was made before, its own look-up
   * found) and in the last `MADE_KEPT_MS` (`madeMeanwhile`; `made(id)` records what this one made).
   * Only what was made since counts: the account may have been emptied in between (a sandbox
   * reset), and what is in it now is the look-up's to say.
   */
  async whileMaking<T>(
    account: string,
    key: string,
    since: number,
    signal: AbortSignal,
    work: MakingWork<T>,
  ): Promise<T> {
    const chainKey = `${account}\0${key}`;
    const before = this.chains.get(chainKey);
    let release = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const chain = before ? before.then(() => mine) : mine;
    this.chains.set(chainKey, chain);
    try {
      await before;
      await this.claim(account, key, signal);
      try {
        const meanwhile = this.claims.madeSince(account, key, since, this.now());
        return await work(meanwhile, (id) => this.claims.recordMade(account, key, id, this.now()));
      } finally {
        this.claims.release(account, key);
      }
    } finally {
      release();
      if (this.chains.get(chainKey) === chain) this.chains.delete(chainKey);
    }
  }

  /** Waits until this process holds the key's claim (another process's ends when it is done or dies). */
  private async claim(account: string, key: string, signal: AbortSignal): Promise<void> {
    let waitMs = CLAIM_POLL_FIRST_MS;
    while (!this.claims.claim(account, key, this.now())) {
      await sleep(waitMs, undefined, { signal });
      waitMs = Math.min(CLAIM_POLL_LONGEST_MS, waitMs * 2);
    }
  }
}

const locks = new WeakMap<MakingClaims, MakingLock>();

/** The process's lock over a store's claims (runs of one engine or several share it). */
export function makingLockOf(claims: MakingClaims): MakingLock {
  let lock = locks.get(claims);
  if (!lock) {
    lock = new MakingLock(claims);
    locks.set(claims, lock);
  }
  return lock;
}

const localAccounts = new WeakMap<object, string>();

/**
 * An account name for a client whose connection provider names none (tests' fixed clients): unique
 * to the client object, so only this process's runs that share it meet.
 */
export function localAccountOf(client: object): string {
  let account = localAccounts.get(client);
  if (!account) {
    account = `local:${nanoid()}`;
    localAccounts.set(client, account);
  }
  return account;
}

/**
 * `NodeContext.whileMaking` where no other run can meet this one: the editor's test of a node (a
 * dry run: it makes nothing) and unit tests calling one executor.
 */
export function withoutMakingLock<T>(_client: object, _key: string, work: MakingWork<T>): Promise<T> {
  return work(undefined, () => {});
}
