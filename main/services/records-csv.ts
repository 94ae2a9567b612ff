import Papa from 'papaparse';
import { nodeNamesOf } from '../../shared/flow/node-names';
import { CSV_FORMAT, recordsCsvName, recordsSheet, UTF8_BOM } from '../../shared/flow/records-sheet';
import type { ItemStatus, RunItemSummary } from '../../shared/flow/run-records';
import type { Language } from '../../shared/settings/settings';
import type { Store } from '../store/store';

/** A run's records as a CSV file: what `koppel runs export` writes and an alert e-mail attaches. */
export interface RecordsCsvFile {
  /** "POS orders → Teamleader invoices 2026-12-02 14.05 failed.csv" */
  fileName: string;
  text: string;
  /** The records in it. */
  records: number;
  /** Whether the records matching were more than `limit` (the file holds the first ones). */
  cut: boolean;
}

/**
 * A run's records (those with `status`, else all) as the CSV the run page exports, in `language`:
 * the sheet of shared/flow/records-sheet.ts written by Papa Parse. Undefined for an unknown run.
 */
export function runRecordsCsv(
  store: Store,
  runId: string,
  options: { status?: ItemStatus | undefined; language: Language; limit?: number },
): RecordsCsvFile | undefined {
  const run = store.runs.get(runId);
  if (!run) return undefined;
  const { status, language, limit = Infinity } = options;
  const items: RunItemSummary[] = [];
  let cut = false;
  for (const item of store.items.each(runId, status)) {
    if (items.length === limit) {
      cut = true;
      break;
    }
    items.push(item);
  }
  const { fields, data, delimiter } = recordsSheet(items, {
    names: nodeNamesOf(store.runs.flowOf(runId), language),
    language,
  });
  return {
    fileName: recordsCsvName(run.flowName, run.startedAt, status ?? null, language),
    text: `${UTF8_BOM}${Papa.unparse({ fields, data }, { delimiter, ...CSV_FORMAT })}${CSV_FORMAT.newline}`,
    records: items.length,
    cut,
  };
}
