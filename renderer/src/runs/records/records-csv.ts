import Papa from 'papaparse';
import type { TFunction } from 'i18next';
import type { RunItemSummary } from '../../../../shared/flow/run-records';
import type { ReasonLanguage } from '../../../../shared/flow/skip-reasons';
import { shownStatus } from '../model/item-reason';
import { nodeName, type NodeNames } from '../model/node-names';
import { resultText } from './result-text';

/**
 * A run's records as a CSV file for a spreadsheet, in the words of the records table. Dutch and
 * Belgian Excel split columns on ";" (their decimal mark is the comma), English on ",". A byte
 * order mark makes Excel read the file as UTF-8 (names with ë, é). Papa Parse quotes what needs it
 * and defuses cells a spreadsheet would run as a formula (=, +, -, @): record data comes from
 * outside (a customer's name, a system's error text).
 */
export function recordsCsv(
  items: Iterable<RunItemSummary>,
  options: { names: NodeNames; language: ReasonLanguage; t: TFunction },
): string {
  const { names, language, t } = options;
  const header = [
    t('runs.export.orderNumber'),
    t('runs.export.email'),
    t('runs.export.sku'),
    t('runs.records.key'),
    t('runs.records.status'),
    t('runs.records.node'),
    t('runs.records.reason'),
    t('runs.records.attempts'),
    t('runs.export.started'),
    t('runs.records.finished'),
  ];
  const rows: string[][] = [];
  for (const item of items) {
    rows.push([
      item.businessKeys.orderNumber ?? '',
      item.businessKeys.email ?? '',
      item.businessKeys.sku ?? '',
      item.key,
      t(`runs.status.${shownStatus(item)}`),
      nodeName(names, item.nodeId),
      resultText(item, language, t),
      String(item.attempts),
      spreadsheetTime(item.startedAt),
      spreadsheetTime(item.finishedAt),
    ]);
  }
  const text = Papa.unparse(
    { fields: header, data: rows },
    { delimiter: language === 'nl' ? ';' : ',', newline: '\r\n', escapeFormulae: true },
  );
  return `\uFEFF${text}\r\n`;
}

/** Local time as "2026-12-02 14:05:09": every spreadsheet reads it as a date and time, in any language. */
export function spreadsheetTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** "POS orders → Teamleader invoices 2026-12-02 14.05 failed.csv": what a file list shows. */
export function recordsCsvName(flowName: string, startedAt: string, filter: string | null): string {
  const when = spreadsheetTime(startedAt).slice(0, 16).replace(':', '.');
  // Characters Windows and macOS refuse in a file name.
  const name = `${flowName} ${when}${filter ? ` ${filter}` : ''}`.replace(/[\\/:*?"<>|]+/g, '-');
  return `${name}.csv`;
}
