import type { Db } from './database';

/** The first block a process reserves; each next one is twice as large, up to {@link LARGEST_BLOCK}. */
const FIRST_BLOCK = 1000;
const LARGEST_BLOCK = 64_000;

/**
 * Reserves `:size` ids in one statement (so the writer thread can run it too): from past the
 * largest item id and past every block reserved before, by any process. Returns the first.
 */
export const RESERVE_IDS_SQL = `
  INSERT INTO meta (key, value)
  VALUES ('next_item_id', MAX(
    COALESCE((SELECT MAX(id) FROM items), 0) + 1,
    COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_item_id'), 0)
  ) + CAST(:size AS INTEGER))
  ON CONFLICT (key) DO UPDATE SET value = excluded.value
  RETURNING CAST(value AS INTEGER) - CAST(:size AS INTEGER) AS start`;

/** Reserves a block on another connection (the writer thread's); resolves with its first id. */
export type ReserveAhead = (size: number) => Promise<number> | undefined;

/**
 * Hands out item ids without a round trip per item: each process reserves blocks of ids in the
 * meta table, so the desktop app and the command line never collide on one database.
 *
 * A reservation is a write. Made on this connection during a run it waits for the writer
 * thread's transactions (SQLite's busy handler sleeps): a 100,000-record run spent ~1 s in a
 * hundred such waits at 1,000 ids a block, still ~0.3 s in seven with doubling blocks
 * (bench/engine.ts profiles). So blocks double, and with `reserveAhead` the next block is
 * reserved by the writer thread, in its queue, once a quarter of the current one is used; this
 * connection reserves only when none is ready (the first block, or a thread that is gone).
 */
export class ItemIds {
  private next = 0;
  private end = 0;
  /** Size of the next block to reserve. */
  private block = FIRST_BLOCK;
  /** Size of the block being handed out. */
  private current = 0;
  private ahead: { size: number; start: number | undefined } | undefined;
  private readonly reserve: (size: number) => number;

  constructor(
    db: Db,
    private readonly reserveAhead?: ReserveAhead,
  ) {
    const statement = db.prepare<{ size: number }, { start: number }>(RESERVE_IDS_SQL);
    this.reserve = (size) => {
      const row = statement.get({ size });
      if (!row) throw new Error('Reserving item ids returned nothing.');
      return row.start;
    };
  }

  take(): number {
    if (this.next >= this.end) this.nextBlock();
    const id = this.next++;
    if (this.end - this.next === Math.floor((this.current * 3) / 4)) this.askAhead();
    return id;
  }

  private nextBlock(): void {
    const ahead = this.ahead;
    if (ahead?.start !== undefined) {
      this.next = ahead.start;
      this.end = ahead.start + ahead.size;
      this.current = ahead.size;
      this.ahead = undefined;
    } else {
      // A block still on its way is left unused (a gap), never handed out twice.
      this.ahead = undefined;
      this.next = this.reserve(this.block);
      this.end = this.next + this.block;
      this.current = this.block;
    }
    this.block = Math.min(this.block * 2, LARGEST_BLOCK);
  }

  private askAhead(): void {
    if (this.ahead || !this.reserveAhead) return;
    const size = this.block;
    const pending = this.reserveAhead(size);
    if (!pending) return;
    const ahead: { size: number; start: number | undefined } = { size, start: undefined };
    this.ahead = ahead;
    pending.then(
      (start) => {
        ahead.start = start;
      },
      () => {
        // This connection reserves the next block itself.
        if (this.ahead === ahead) this.ahead = undefined;
      },
    );
  }
}
