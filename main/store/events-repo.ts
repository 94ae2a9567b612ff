import { LogEvent, RunEvent } from '../../shared/flow/run-events';
import type { Db } from './database';

/** Stored run events, numbered per run. */
export class EventsRepo {
  private readonly pageStmt;
  private readonly logsStmt;
  private readonly linesAboutStmt;

  constructor(db: Db) {
    this.pageStmt = db.prepare<[string, number, number], { body: string }>(
      'SELECT body FROM events WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    // Through the partial index of log lines, so a run's item events are never read here. Named:
    // without statistics SQLite takes the primary key, which reads every event of the run.
    this.logsStmt = db.prepare<[string], { body: string }>(
      "SELECT body FROM events INDEXED BY events_logs WHERE run_id = ? AND type = 'log' ORDER BY seq",
    );
    // The record's lines are picked out by SQLite, so only they are parsed here.
    this.linesAboutStmt = db.prepare<[string, string], { body: string }>(
      `SELECT body FROM events INDEXED BY events_logs
       WHERE run_id = ? AND type = 'log' AND json_extract(body, '$.key') = ?
         AND json_extract(body, '$.level') <> 'debug'
       ORDER BY seq`,
    );
  }

  /**
   * A run's warning lines ("warn" log events): how many it has, and each message once, in the
   * order told, at most `max` (a rule that warns of every record would otherwise bury the rest).
   */
  warnings(runId: string, max: number): { total: number; distinct: number; lines: LogEvent[] } {
    const seen = new Set<string>();
    const lines: LogEvent[] = [];
    let total = 0;
    for (const row of this.logsStmt.iterate(runId)) {
      const parsed = LogEvent.safeParse(JSON.parse(row.body));
      if (!parsed.success || parsed.data.level !== 'warn') continue;
      total++;
      if (seen.has(parsed.data.message)) continue;
      seen.add(parsed.data.message);
      if (lines.length < max) lines.push(parsed.data);
    }
    return { total, distinct: seen.size, lines };
  }

  /**
   * The log lines a run wrote about one record (its key), oldest first: the warnings and errors a
   * node gave for it, which the record's page shows beside its payloads. Debug lines are left out.
   */
  linesAbout(runId: string, key: string): LogEvent[] {
    return this.linesAboutStmt.all(runId, key).flatMap((row) => {
      const parsed = LogEvent.safeParse(JSON.parse(row.body));
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Events after `afterSeq` (0 = from the start), oldest first. */
  page(runId: string, afterSeq: number, limit: number): RunEvent[] {
    return this.pageStmt.all(runId, afterSeq, limit).flatMap((row) => {
      const parsed = RunEvent.safeParse(JSON.parse(row.body));
      return parsed.success ? [parsed.data] : [];
    });
  }

  static params(event: RunEvent): [string, number, string, number | null, string] {
    return [
      event.runId,
      event.seq,
      event.type,
      'itemId' in event ? event.itemId : null,
      JSON.stringify(event),
    ];
  }
}
