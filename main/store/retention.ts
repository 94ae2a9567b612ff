import { WAITING_MS } from '../../shared/flow/skip-reasons';
import type { Db } from './database';

export interface RetentionResult {
  runsDeleted: number;
  pagesFreed: number;
}

export interface EraseResult {
  itemsErased: number;
  eventsErased: number;
}

/**
 * Deletes runs (with their items, attempts and events) that finished more than `retentionDays`
 * ago, in small batches so other writers are not blocked, then gives the space back with an
 * incremental vacuum. The ledger and cursors stay: they are what keeps records from being written
 * twice. Records that waited for another longer than `WAITING_DAYS` go too.
 */
export function applyRetention(db: Db, retentionDays: number, now: number): RetentionResult {
  const cutoff = now - retentionDays * 24 * 60 * 60 * 1000;
  const batch = db.prepare(
    "DELETE FROM runs WHERE id IN (SELECT id FROM runs WHERE status != 'running' AND finished_at < ? LIMIT 50)",
  );
  let runsDeleted = 0;
  for (;;) {
    const { changes } = batch.run(cutoff);
    runsDeleted += changes;
    if (changes === 0) break;
  }
  // Records of flows that stopped running no longer wait either (a running flow lets go itself).
  db.prepare('DELETE FROM waiting WHERE since < ?').run(now - WAITING_MS);
  const before = Number(db.pragma('freelist_count', { simple: true }));
  db.pragma('incremental_vacuum');
  const after = Number(db.pragma('freelist_count', { simple: true }));
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('retention.lastRunAt', ?)").run(String(now));
  return { runsDeleted, pagesFreed: before - after };
}

/** When retention last ran (ms), or undefined. */
export function lastRetentionAt(db: Db): number | undefined {
  const row = db
    .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'retention.lastRunAt'")
    .get();
  return row ? Number(row.value) : undefined;
}

/**
 * A GDPR erasure: every stored payload that mentions the e-mail address (the customer's own
 * records, and orders or invoices that carry it) is removed, the e-mail business key is cleared,
 * and events naming it are blanked. Texts that explain an outcome (a skip reason such as "not
 * email equals …", an error from a system, a run's error) keep their words with the address
 * replaced by {@link ERASED}. `secure_delete` overwrites the freed pages and the WAL is
 * checkpointed, so the data is not left on disk.
 */
export function eraseByEmail(db: Db, email: string): EraseResult {
  const needle = email.trim().toLowerCase();
  if (!needle.includes('@')) throw new Error(`"${email}" is not an e-mail address.`);
  const pattern = `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  db.pragma('secure_delete = ON');
  try {
    const result = db.transaction(() => {
      const erased = new Set(
        db
          .prepare<{ needle: string; pattern: string }, { id: number }>(
            `UPDATE items SET source_json = NULL, input_json = NULL, mapped_json = NULL, request_json = NULL,
               response_json = NULL, email = NULL, erased = 1
             WHERE email = @needle
                OR lower(source_json) LIKE @pattern ESCAPE '\\' OR lower(input_json) LIKE @pattern ESCAPE '\\'
                OR lower(mapped_json) LIKE @pattern ESCAPE '\\' OR lower(request_json) LIKE @pattern ESCAPE '\\'
                OR lower(response_json) LIKE @pattern ESCAPE '\\'
             RETURNING id`,
          )
          .all({ needle, pattern })
          .map((row) => row.id),
      );
      const scrub = scrubber(needle);
      for (const id of scrubTexts(db, 'items', ['reason', 'reasons_json', 'error_json'], pattern, scrub))
        erased.add(Number(id));
      scrubTexts(db, 'attempts', ['error_json'], pattern, scrub);
      scrubTexts(db, 'runs', ['error_message', 'error_text_json'], pattern, scrub);
      // Events keep their place in the numbering (and their type); only the content naming the person goes.
      const events = db
        .prepare<{ pattern: string }>(
          `UPDATE events SET body = json_object('runId', json_extract(body, '$.runId'), 'seq', seq,
             'at', json_extract(body, '$.at'), 'type', 'log', 'level', 'info', 'message', 'Erased on request.')
           WHERE lower(body) LIKE @pattern ESCAPE '\\'`,
        )
        .run({ pattern });
      const intents = db.prepare(
        `UPDATE intents SET request_json = 'null' WHERE lower(request_json) LIKE ? ESCAPE '\\'`,
      );
      intents.run(pattern);
      // A waiting record cannot wait without its data: it goes.
      db.prepare(
        `DELETE FROM waiting WHERE lower(record_json) LIKE @pattern ESCAPE '\\'
           OR lower(business_keys_json) LIKE @pattern ESCAPE '\\'`,
      ).run({ pattern });
      return { itemsErased: erased.size, eventsErased: events.changes };
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  } finally {
    db.pragma('secure_delete = OFF');
  }
}

/** What an erased e-mail address reads as in the texts that keep their other words. */
export const ERASED = '[erased]';

/** Replaces every spelling (any case) of the address in a text; null stays null. */
function scrubber(address: string): <T extends string | null>(text: T) => T {
  const anyCase = new RegExp(address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  return <T extends string | null>(text: T): T =>
    text === null ? text : (text.replace(anyCase, ERASED) as T);
}

/**
 * Takes the address out of `columns` of every `table` row that names it (see {@link scrubber}),
 * keeping the rest of each text; returns the ids of the rows changed.
 */
function scrubTexts(
  db: Db,
  table: 'items' | 'attempts' | 'runs',
  columns: readonly string[],
  pattern: string,
  scrub: (text: string | null) => string | null,
): (number | string)[] {
  const where = columns.map((column) => `lower(${column}) LIKE @pattern ESCAPE '\\'`).join(' OR ');
  const rows = db
    .prepare<{ pattern: string }, Record<string, string | number | null>>(
      `SELECT id, ${columns.join(', ')} FROM ${table} WHERE ${where}`,
    )
    .all({ pattern });
  const update = db.prepare(
    `UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`,
  );
  for (const row of rows) {
    update.run(...columns.map((column) => scrub(row[column] as string | null)), row.id);
  }
  return rows.map((row) => row.id as number | string);
}
