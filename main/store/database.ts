import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { schemaSteps } from './schema';

export type Db = Database.Database;

/** The database file in a data folder. */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'koppel.db');
}

/**
 * Opens (and creates or upgrades) Koppel's SQLite database: WAL so the desktop app and the command
 * line can share it, NORMAL sync (durable at checkpoints; a crash loses at most the last
 * transactions, never consistency), incremental auto-vacuum for the retention job.
 */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // auto_vacuum only takes effect before the first table exists.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
  migrate(db);
  return db;
}

/**
 * Settings every connection to the database needs (the file itself remembers WAL mode and
 * auto-vacuum); the run writer's thread opens its own connection with them.
 */
export const CONNECTION_PRAGMAS: readonly string[] = [
  'busy_timeout = 10000',
  'synchronous = NORMAL',
  // Checkpoints sync to disk: one per ~40 MB of WAL instead of 4 MB halves a long run's commit
  // time (measured with bench/engine.ts); the WAL file is cut back to 64 MB after each.
  'wal_autocheckpoint = 10000',
  'journal_size_limit = 67108864',
  'foreign_keys = ON',
];

export class DatabaseVersionError extends Error {}

function migrate(db: Db): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > schemaSteps.length) {
    throw new DatabaseVersionError(
      `The database was written by a newer Koppel (schema ${current}; this version knows up to ${schemaSteps.length}).`,
    );
  }
  if (current === schemaSteps.length) return;
  db.transaction(() => {
    // Another process may have migrated between the check and this write lock.
    const now = Number(db.pragma('user_version', { simple: true }));
    for (let version = now; version < schemaSteps.length; version++) {
      db.exec(schemaSteps[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }
  }).immediate();
}
