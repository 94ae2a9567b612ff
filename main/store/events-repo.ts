import { RunEvent } from '../../shared/flow/run-events';
import type { Db } from './database';

/** Stored run events, numbered per run. */
export class EventsRepo {
  private readonly pageStmt;

  constructor(db: Db) {
    this.pageStmt = db.prepare<[string, number, number], { body: string }>(
      'SELECT body FROM events WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
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
