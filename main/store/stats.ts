import type { RunStats } from '../../shared/api/calls/runs';
import type { Db } from './database';
import { stoppedByCancel } from './stopped-by-cancel';
import { errorFromColumn } from './json-columns';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Failed items that count as failures: not those a cancel stopped (the person who cancelled knows;
 * they stay failed in their run, to retry, and the flow's next run reads them again).
 */
const REAL_FAILURE = `i.status = 'failed' AND NOT (${stoppedByCancel('i')})`;

/**
 * The dashboard's figures: records per day (UTC) by outcome, and the most frequent errors, over
 * the last `days`. Retry items are not counted twice: a retried record counts once, with the
 * outcome, error and node its latest attempt had (the first run's item carries them). Records a
 * cancel stopped are in neither.
 */
export function runStats(db: Db, days: number, now: number, flowId?: string): RunStats {
  const since = now - days * DAY;
  const flowFilter = flowId ? 'AND r.flow_id = @flowId' : '';
  const params = { since, flowId: flowId ?? null };
  const rows = db
    .prepare<typeof params, { day: string; succeeded: number; skipped: number; failed: number }>(
      `SELECT date(i.finished_at / 1000, 'unixepoch') AS day,
         SUM(i.status = 'succeeded') AS succeeded, SUM(i.status = 'skipped') AS skipped, SUM(${REAL_FAILURE}) AS failed
       FROM items i JOIN runs r ON r.id = i.run_id
       WHERE i.finished_at >= @since AND i.retry_of IS NULL AND r.dry_run = 0 ${flowFilter}
       GROUP BY day ORDER BY day`,
    )
    .all(params);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const daysList: RunStats['days'] = [];
  for (let index = days - 1; index >= 0; index--) {
    const day = new Date(now - index * DAY).toISOString().slice(0, 10);
    const row = byDay.get(day);
    daysList.push({
      day,
      succeeded: row?.succeeded ?? 0,
      skipped: row?.skipped ?? 0,
      failed: row?.failed ?? 0,
    });
  }
  const latest = db.prepare<[number], { run_id: string; error_json: string | null }>(
    'SELECT run_id, error_json FROM items WHERE id = ?',
  );
  const topErrors = db
    .prepare<
      typeof params,
      {
        code: string | null;
        message: string | null;
        node_id: string | null;
        count: number;
        last_item: number;
      }
    >(
      `SELECT json_extract(i.error_json, '$.code') AS code, MAX(json_extract(i.error_json, '$.message')) AS message,
         i.node_id AS node_id, COUNT(*) AS count, MAX(i.id) AS last_item
       FROM items i JOIN runs r ON r.id = i.run_id
       WHERE ${REAL_FAILURE} AND i.finished_at >= @since AND i.retry_of IS NULL AND r.dry_run = 0 ${flowFilter}
       GROUP BY code, i.node_id ORDER BY count DESC LIMIT 10`,
    )
    .all(params)
    .map((row) => {
      // The latest such error speaks for the group: its words, and its code for the UI's language.
      const last = latest.get(row.last_item);
      const error = errorFromColumn(last?.error_json ?? null);
      return {
        code: row.code ?? 'unknown',
        message: error?.message ?? row.message ?? '',
        ...(error?.text ? { text: error.text } : {}),
        nodeId: row.node_id,
        count: row.count,
        lastRunId: last?.run_id ?? '',
      };
    });
  return { days: daysList, topErrors };
}
