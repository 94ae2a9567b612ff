import { api } from '../steps/support/api-errors';

/**
 * Look-ups a run makes one by one before it reads the whole list instead. A look-up is one call;
 * the whole list is one call per 100 records. Teamleader allows 200 calls a minute, so a run that
 * looks up hundreds of keys (a first stock, product or customer sync, a day of till orders) spends
 * its budget on look-ups unless it reads the list once.
 */
export const LIST_AFTER_LOOKUPS = 20;

/**
 * How long a read of the list also answers "no such record". Within it a key the list lacks is
 * taken as missing (a first sync meets hundreds: each would cost a look-up); after it such a key
 * is asked of Teamleader on its own, or the list is read again once that is the cheaper way. A
 * caller about to make the record asks Teamleader itself whatever the list's age (`findBeforeMaking`,
 * under making-lock.ts's lock): another flow or a person may have made it since the list was read.
 */
export const LIST_TRUSTED_MS = 60_000;

/**
 * How long a miss Teamleader itself answered stands for a caller about to make the record: the
 * look-up before a create and the create that follows, as the engine's look-up then write always
 * did. Older, the miss is asked again.
 */
export const ASKED_MISS_TRUSTED_MS = 10_000;

/** How one kind of Teamleader record is found by a key (a product code, an e-mail address). */
export interface ListedRecords<T> {
  /** One call: the first record whose key is `key`, or null. */
  lookUp(key: string, signal: AbortSignal): Promise<T | null>;
  /** Every record, 100 a call, in the order a look-up would meet them. */
  readAll(signal: AbortSignal): Promise<T[]>;
  /** The keys a record is found by (as `lookUp` compares them). */
  keysOf(record: T): readonly string[];
}

/** The list as read at `readAt`, by key; `pages` is what reading it cost. */
interface KeyedList<T> {
  byKey: Map<string, T>;
  readAt: number;
  pages: number;
}

/**
 * Records by key, for one run of one node. The first {@link LIST_AFTER_LOOKUPS} keys are looked up
 * one by one; after that the whole list is read and answers: a record it lists at once, a missing
 * one while the list is younger than {@link LIST_TRUSTED_MS}. Keys this run wrote are always asked
 * of Teamleader.
 */
export class ListedLookup<T> {
  private lookups = 0;
  private all: KeyedList<T> | undefined;
  private listing: Promise<KeyedList<T>> | undefined;
  /** Keys asked on their own since the list was read (a stale list's misses). */
  private askedSinceList = 0;
  /** Records found by a look-up of this run (a miss is not kept: it is asked again). */
  private readonly found = new Map<string, T>();
  /** Keys this run wrote: asked of Teamleader each time, whatever was known of them. */
  private readonly written = new Set<string>();
  /** When Teamleader last answered "none" for a key (see {@link ASKED_MISS_TRUSTED_MS}). */
  private readonly missedAt = new Map<string, number>();
  /** Look-ups on their way, shared by records with the same key. */
  private readonly looking = new Map<string, Promise<T | null>>();

  constructor(
    private readonly records: ListedRecords<T>,
    private readonly signal: AbortSignal,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The record whose key is `key`, or null. Null may be the list's answer: a caller about to make
   * the record uses {@link findBeforeMaking}.
   */
  find(key: string): Promise<T | null> {
    return this.lookFor(key, true);
  }

  /**
   * The record whose key is `key`, or null, for a caller about to make it: a record the list or a
   * look-up of this run found answers, a miss is asked of Teamleader (one call, as `ask`).
   */
  findBeforeMaking(key: string): Promise<T | null> {
    return this.lookFor(key, false);
  }

  private async lookFor(key: string, listMayDeny: boolean): Promise<T | null> {
    if (!listMayDeny) {
      const missed = this.missedAt.get(key);
      if (missed !== undefined && this.now() - missed < ASKED_MISS_TRUSTED_MS) return null;
    }
    if (!this.written.has(key)) {
      const known = this.found.get(key);
      if (known) return known;
      if (this.all || this.listing || ++this.lookups > LIST_AFTER_LOOKUPS) {
        let list = this.all ?? (await this.list());
        const listed = list.byKey.get(key);
        if (listed) return listed;
        if (this.now() - list.readAt >= LIST_TRUSTED_MS && this.askedSinceList >= list.pages) {
          // As many keys asked on their own as a new read costs: read the list again.
          if (this.all === list) this.all = undefined;
          list = await this.list();
        }
        const relisted = list.byKey.get(key);
        if (relisted) return relisted;
        if (this.now() - list.readAt >= LIST_TRUSTED_MS) this.askedSinceList++;
        else if (listMayDeny) return null;
      }
    }
    return this.ask(key);
  }

  /**
   * Forgets what this run knew of `key`: once it wrote the record (made it, set its stock), the
   * next question about it is asked of Teamleader.
   */
  forget(key: string): void {
    this.written.add(key);
    this.missedAt.delete(key);
  }

  /** Asks Teamleader now, whatever the list said: before making a record, after a lost answer. */
  ask(key: string): Promise<T | null> {
    let pending = this.looking.get(key);
    if (!pending) {
      const askedAt = this.now();
      pending = api(() => this.records.lookUp(key, this.signal))
        .then((record) => {
          if (record) {
            this.found.set(key, record);
            this.missedAt.delete(key);
          } else if (!this.written.has(key)) this.noteMiss(key, askedAt);
          return record;
        })
        .finally(() => this.looking.delete(key));
      this.looking.set(key, pending);
    }
    return pending;
  }

  private noteMiss(key: string, at: number): void {
    this.missedAt.delete(key);
    this.missedAt.set(key, at);
    // Oldest first (insertion order): a long run keeps only the misses that still count.
    for (const [old, time] of this.missedAt) {
      if (at - time < ASKED_MISS_TRUSTED_MS) break;
      this.missedAt.delete(old);
    }
  }

  /** The list as last read, or a new read when there is none (one read at a time). */
  private list(): Promise<KeyedList<T>> {
    if (this.all) return Promise.resolve(this.all);
    this.listing ??= api(async () => {
      const readAt = this.now();
      const records = await this.records.readAll(this.signal);
      const byKey = new Map<string, T>();
      // Two records with one key: the first listed, as a look-up finds it.
      for (const record of records)
        for (const key of this.records.keysOf(record)) if (!byKey.has(key)) byKey.set(key, record);
      return { byKey, readAt, pages: Math.max(1, Math.ceil(records.length / 100)) };
    })
      .then((list) => {
        this.all = list;
        this.askedSinceList = 0;
        return list;
      })
      .finally(() => (this.listing = undefined));
    return this.listing;
  }
}
