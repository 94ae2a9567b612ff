import type { Db } from './database';

const BLOCK = 1000;

/**
 * Hands out item ids without a round trip per item: each process reserves blocks of ids in the
 * meta table, so the desktop app and the command line never collide on one database.
 */
export class ItemIds {
  private next = 0;
  private end = 0;
  private readonly reserve: () => number;

  constructor(db: Db) {
    const read = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'next_item_id'");
    const maxId = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM items');
    const write = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('next_item_id', ?)");
    const reserve = db.transaction(() => {
      const stored = Number(read.get()?.value ?? 0);
      const start = Math.max(stored, (maxId.get()?.id ?? 0) + 1);
      write.run(String(start + BLOCK));
      return start;
    });
    this.reserve = () => reserve.immediate();
  }

  take(): number {
    if (this.next >= this.end) {
      this.next = this.reserve();
      this.end = this.next + BLOCK;
    }
    return this.next++;
  }
}
