import { recordResult, shownStatus } from './item-reason';
import { nodeName, type NodeNames } from './node-names';
import type { ItemStatus, RunItemSummary } from './run-records';
import type { TextLanguage } from './wording';

/** The words of the CSV, as the run page's records table has them. */
const WORDS = {
  en: {
    header: [
      'Order number',
      'E-mail',
      'SKU',
      'Record',
      'Status',
      'Node',
      'Result',
      'Attempts',
      'Started',
      'Finished',
    ],
    status: {
      pending: 'Waiting',
      running: 'Running',
      succeeded: 'Succeeded',
      skipped: 'Skipped',
      failed: 'Failed',
      cancelled: 'Cancelled',
    },
    filter: { failed: 'failed', skipped: 'skipped', succeeded: 'succeeded' },
  },
  nl: {
    header: [
      'Ordernummer',
      'E-mail',
      'SKU',
      'Record',
      'Status',
      'Node',
      'Resultaat',
      'Pogingen',
      'Gestart',
      'Klaar',
    ],
    status: {
      pending: 'Wacht',
      running: 'Bezig',
      succeeded: 'Gelukt',
      skipped: 'Overgeslagen',
      failed: 'Mislukt',
      cancelled: 'Geannuleerd',
    },
    filter: { failed: 'mislukt', skipped: 'overgeslagen', succeeded: 'gelukt' },
  },
} as const satisfies Record<TextLanguage, unknown>;

/** A CSV file's columns, rows and separator, for Papa Parse's `unparse` with {@link CSV_FORMAT}. */
export interface Sheet {
  fields: string[];
  data: string[][];
  delimiter: ',' | ';';
}

/**
 * How Koppel writes CSV (Papa Parse's options): lines end in CRLF as spreadsheets expect, and a
 * cell a spreadsheet would run as a formula (=, +, -, @) is written as text, as record data comes
 * from outside (a customer's name, a system's error). The file starts with {@link UTF8_BOM}, which
 * makes Excel read it as UTF-8 (names with ë, é).
 */
export const CSV_FORMAT = { newline: '\r\n', escapeFormulae: true } as const;
export const UTF8_BOM = '\uFEFF';

/**
 * A run's records as a sheet, in the words and columns of the records table: the run page's
 * export and `koppel runs export` write the same file. Dutch and Belgian Excel split columns on ";"
 * (their decimal mark is the comma), English on ",".
 */
export function recordsSheet(
  items: Iterable<RunItemSummary>,
  options: { names: NodeNames; language: TextLanguage },
): Sheet {
  const { names, language } = options;
  const words = WORDS[language];
  const data: string[][] = [];
  for (const item of items) {
    data.push([
      item.businessKeys.orderNumber ?? '',
      item.businessKeys.email ?? '',
      item.businessKeys.sku ?? '',
      item.key,
      words.status[shownStatus(item)],
      nodeName(names, item.nodeId),
      recordResult(item, language),
      String(item.attempts),
      spreadsheetTime(item.startedAt),
      spreadsheetTime(item.finishedAt),
    ]);
  }
  return { fields: [...words.header], data, delimiter: language === 'nl' ? ';' : ',' };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Local time as "2026-12-02 14:05:09": every spreadsheet reads it as a date and time, in any language. */
export function spreadsheetTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** "POS orders → Teamleader invoices 2026-12-02 14.05 failed.csv": what a file list shows. */
export function recordsCsvName(
  flowName: string,
  startedAt: string,
  status: ItemStatus | null,
  language: TextLanguage,
): string {
  const when = spreadsheetTime(startedAt).slice(0, 16).replace(':', '.');
  const filters: Partial<Record<ItemStatus, string>> = WORDS[language].filter;
  const filter = status ? filters[status] : undefined;
  // Characters Windows and macOS refuse in a file name.
  const name = `${flowName} ${when}${filter ? ` ${filter}` : ''}`.replace(/[\\/:*?"<>|]+/g, '-');
  return `${name}.csv`;
}
