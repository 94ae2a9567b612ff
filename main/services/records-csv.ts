import Papa from 'papaparse';
import { nodeNamesOf } from '../../shared/flow/node-names';
import { CSV_FORMAT, recordsCsvName, recordsSheet, UTF8_BOM } from '../../shared/flow/records-sheet';
import type { ItemStatus, RunItemSummary } from '../../shared/flow/run-records';
import type { Language } from '../../shared/settings/settings';
import type { Store } from '../store/store';

/** A run's records as a CSV file: what an alert e-mail attaches. */
export interface RecordsCsvFile {
  /** "POS orders → Teamleader invoices 2026-12-02 14.05 failed.csv" */
  fileName: string;
  text: string;
  /** The records in it. */
  records: number;
  /** Whether the records matching were more than `limit` (the file holds the first ones). */
  cut: boolean;
}

/** Which records of a run, in which words: the run page's filter and the settings' language. */
export interface RecordsCsvOptions {
  status?: ItemStatus | undefined;
  language: Language;
  /** The most records written (the first ones); default all. */
  limit?: number;
}

/** Records written to the CSV in one piece: a 100k-record run is written in a hundred. */
const SLICE = 1000;

/**
 * Writes a run's records (those with `status`, else all) as the CSV the run page exports, in
 * `language`: the sheet of shared/flow/records-sheet.ts by Papa Parse, handed to `write` a slice
 * of records at a time, so `koppel runs export` of a 100k-record run holds a thousand records, not
 * the run (it held 425 MB for a 15 MB file). Undefined for an unknown run; nothing is written then.
 */
export function writeRunRecordsCsv(
  store: Store,
  runId: string,
  options: RecordsCsvOptions,
  write: (text: string) => void,
): Omit<RecordsCsvFile, 'text'> | undefined {
  const run = store.runs.get(runId);
  if (!run) return undefined;
  const { status, language, limit = Infinity } = options;
  const names = nodeNamesOf(store.runs.flowOf(runId), language);
  let records = 0;
  let cut = false;
  let slice: RunItemSummary[] = [];
  const { fields, delimiter } = recordsSheet([], { names, language });
  // Papa ends no line: each slice starts on the newline that ends the line before it.
  write(`${UTF8_BOM}${Papa.unparse([fields], { delimiter, ...CSV_FORMAT })}`);
  const flush = () => {
    const { data } = recordsSheet(slice, { names, language });
    write(`${CSV_FORMAT.newline}${Papa.unparse(data, { delimiter, ...CSV_FORMAT })}`);
    slice = [];
  };
  for (const item of store.items.each(runId, status)) {
    if (records === limit) {
      cut = true;
      break;
    }
    slice.push(item);
    records++;
    if (slice.length === SLICE) flush();
  }
  if (slice.length > 0) flush();
  write(CSV_FORMAT.newline);
  return { fileName: recordsCsvName(run.flowName, run.startedAt, status ?? null, language), records, cut };
}

/** {@link writeRunRecordsCsv} into one text: for a file of a few thousand records at most (an e-mail's). */
export function runRecordsCsv(
  store: Store,
  runId: string,
  options: RecordsCsvOptions,
): RecordsCsvFile | undefined {
  const parts: string[] = [];
  const file = writeRunRecordsCsv(store, runId, options, (text) => parts.push(text));
  return file && { ...file, text: parts.join('') };
}
