import Papa from 'papaparse';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunItemSummary } from '../../../../shared/flow/run-records';
import { initTranslations } from '../../i18n/i18n';
import { recordsCsv, recordsCsvName, spreadsheetTime } from './records-csv';

const item = (over: Partial<RunItemSummary>): RunItemSummary => ({
  id: 1,
  runId: 'run-1',
  key: 'mplus:order:1',
  status: 'succeeded',
  nodeId: 'target',
  reason: null,
  error: null,
  attempts: 1,
  businessKeys: { orderNumber: 'O2026-000001', email: 'anna@example.com' },
  action: 'created',
  targetIds: { invoice: 'inv-1' },
  retryOf: null,
  startedAt: '2026-12-02T10:00:00.000Z',
  finishedAt: '2026-12-02T10:00:01.000Z',
  ...over,
});

const names = new Map([
  ['target', 'Teamleader invoice'],
  ['check', 'Check the order'],
]);

describe('records as CSV', () => {
  beforeAll(() => initTranslations('en'));
  const items = [
    item({}),
    item({
      id: 2,
      key: 'mplus:order:2',
      status: 'failed',
      nodeId: 'check',
      action: null,
      targetIds: null,
      attempts: 3,
      businessKeys: { orderNumber: 'O2026-000002', email: '=HYPERLINK("x")' },
      error: {
        message: 'Teamleader invoices.draft answered 422: "due_on", invalid; please check',
        code: 'http_422',
        transient: false,
      },
    }),
  ];

  it("reads in the screen's words and language: Dutch with ';', quoted where needed, formulas defused", () => {
    const t = i18next.getFixedT('nl');
    const text = recordsCsv(items, { names, language: 'nl', t });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const { data } = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ';' });
    expect(data[0]).toEqual([
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
    ]);
    expect(data[1]).toEqual([
      'O2026-000001',
      'anna@example.com',
      '',
      'mplus:order:1',
      'Gelukt',
      'Teamleader invoice',
      'Aangemaakt: inv-1',
      '1',
      spreadsheetTime('2026-12-02T10:00:00.000Z'),
      spreadsheetTime('2026-12-02T10:00:01.000Z'),
    ]);
    // A cell a spreadsheet would run as a formula is written as text.
    expect(data[2]?.[1]).toBe('\'=HYPERLINK("x")');
    expect(data[2]?.slice(4, 8)).toEqual([
      'Mislukt',
      'Check the order',
      'Teamleader invoices.draft answered 422: "due_on", invalid; please check',
      '3',
    ]);
  });

  it('uses "," in English, and names the file for the flow, the start and the filter', () => {
    const text = recordsCsv(items, { names, language: 'en', t: i18next.getFixedT('en') });
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFOrder number,E-mail,SKU,Record,Status,Node,Result,Attempts,Started,Finished',
    );
    expect(spreadsheetTime('not a time')).toBe('not a time');
    expect(spreadsheetTime(null)).toBe('');
    expect(recordsCsvName('POS orders → Teamleader: invoices', '2026-12-02T10:05:00.000Z', 'failed')).toMatch(
      /^POS orders → Teamleader- invoices 2026-12-02 \d\d\.05 failed\.csv$/,
    );
  });
});
