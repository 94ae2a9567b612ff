import { describe, expect, it } from 'vitest';
import { recordsCsvName, recordsSheet, spreadsheetTime } from './records-sheet';
import type { RunItemSummary } from './run-records';

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

describe('records as a sheet', () => {
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

  it("reads in the screen's words and language: Dutch with ';'", () => {
    const sheet = recordsSheet(items, { names, language: 'nl' });
    expect(sheet.delimiter).toBe(';');
    expect(sheet.fields).toEqual([
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
    expect(sheet.data[0]).toEqual([
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
    // The cells as they are: quoting and defusing formulas is the CSV writer's (CSV_FORMAT).
    expect(sheet.data[1]?.[1]).toBe('=HYPERLINK("x")');
    expect(sheet.data[1]?.slice(4, 8)).toEqual([
      'Mislukt',
      'Check the order',
      'Teamleader invoices.draft answered 422: "due_on", invalid; please check',
      '3',
    ]);
  });

  it('uses "," in English, and names the file for the flow, the start and the filter', () => {
    const sheet = recordsSheet(items, { names, language: 'en' });
    expect(sheet.delimiter).toBe(',');
    expect(sheet.fields.join(',')).toBe(
      'Order number,E-mail,SKU,Record,Status,Node,Result,Attempts,Started,Finished',
    );
    expect(sheet.data[1]?.[4]).toBe('Failed');
    expect(spreadsheetTime('not a time')).toBe('not a time');
    expect(spreadsheetTime(null)).toBe('');
    expect(
      recordsCsvName('POS orders → Teamleader: invoices', '2026-12-02T10:05:00.000Z', 'failed', 'en'),
    ).toMatch(/^POS orders → Teamleader- invoices 2026-12-02 \d\d\.05 failed\.csv$/);
    expect(recordsCsvName('Orders', '2026-12-02T10:05:00.000Z', 'failed', 'nl')).toMatch(/ mislukt\.csv$/);
    expect(recordsCsvName('Orders', '2026-12-02T10:05:00.000Z', null, 'nl')).toMatch(
      /^Orders 2026-12-02 \d\d\.05\.csv$/,
    );
  });

  it("says what a dry run would do, what a write did with the target's ids, and a cancel's stop", () => {
    const dry = item({ action: 'wouldCreate', targetIds: null });
    const updated = item({ action: 'updated', targetIds: { invoice: 'inv-7', deal: 'deal-2' } });
    const stopped = item({
      status: 'failed',
      action: null,
      error: { code: 'cancelled', message: 'Stopped by the cancel', transient: false },
    });
    const { data } = recordsSheet([dry, updated, stopped], { names, language: 'nl' });
    expect(data.map((row) => row[6])).toEqual([
      'Zou aanmaken',
      'Bijgewerkt: inv-7, deal-2',
      expect.any(String),
    ]);
    expect(data[2]?.[4]).toBe('Geannuleerd');
  });
});
