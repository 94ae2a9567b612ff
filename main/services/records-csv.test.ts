import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { insertTestRun, temporaryStore, testItem } from '../store/testing';
import { runRecordsCsv, writeRunRecordsCsv } from './records-csv';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A run of `count` records, every seventh failed, with an order number a spreadsheet could run. */
async function storeWithRun(count: number) {
  const { store, cleanup } = temporaryStore();
  cleanups.push(cleanup);
  const writer = insertTestRun(store, 'big');
  for (let n = 1; n <= count; n++)
    writer.saveItem(
      testItem(store, 'big', {
        status: n % 7 === 0 ? 'failed' : 'succeeded',
        orderNumber: n === 3 ? '=SUM(A1)' : `ORD-${n}`,
        email: `klant${n}@example.nl`,
        attempts: 1,
        finishedAt: Date.now(),
      }),
    );
  await writer.commit();
  return store;
}

describe('writeRunRecordsCsv', () => {
  it('writes a large run a slice at a time, as one file would read', async () => {
    const store = await storeWithRun(2345);
    const pieces: string[] = [];
    const file = writeRunRecordsCsv(store, 'big', { language: 'nl' }, (text) => pieces.push(text));
    expect(file).toMatchObject({ records: 2345, cut: false });
    expect(file?.fileName).toMatch(/\.csv$/);
    // The header, three slices of at most 1,000 records and the last line's end.
    expect(pieces).toHaveLength(5);
    const text = pieces.join('');
    expect(text.startsWith('\uFEFFOrdernummer;E-mail;SKU;Record;Status')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2346);
    expect(rows.slice(1).map((row) => row[1])).toEqual(
      Array.from({ length: 2345 }, (_, index) => `klant${index + 1}@example.nl`),
    );
    // A cell a spreadsheet would run as a formula stays text, in every slice alike.
    expect(rows[3]?.[0]).toBe("'=SUM(A1)");
    // Every line ends in CRLF, the last one too: the header and 2,345 records.
    expect(text.split('\r\n')).toHaveLength(2347);
  });

  it('writes only the status asked for, up to the limit, and nothing for an unknown run', async () => {
    const store = await storeWithRun(1500);
    const failed = runRecordsCsv(store, 'big', { status: 'failed', language: 'en', limit: 100 });
    expect(failed).toMatchObject({ records: 100, cut: true });
    const rows = Papa.parse<string[]>(failed?.text.slice(1) ?? '', { skipEmptyLines: true }).data;
    expect(rows[0]?.slice(0, 5)).toEqual(['Order number', 'E-mail', 'SKU', 'Record', 'Status']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(
      Array.from({ length: 100 }, (_, index) => `klant${(index + 1) * 7}@example.nl`),
    );
    expect(runRecordsCsv(store, 'big', { status: 'failed', language: 'en' })).toMatchObject({
      records: 214,
      cut: false,
    });
    const written: string[] = [];
    expect(writeRunRecordsCsv(store, 'none', { language: 'en' }, (text) => written.push(text))).toBe(
      undefined,
    );
    expect(written).toEqual([]);
  });

  it('writes the header alone for a run without records', async () => {
    const { store, cleanup } = temporaryStore();
    cleanups.push(cleanup);
    await insertTestRun(store, 'empty').commit();
    const file = runRecordsCsv(store, 'empty', { language: 'en' });
    expect(file).toMatchObject({ records: 0, cut: false });
    expect(file?.text).toBe(
      '\uFEFFOrder number,E-mail,SKU,Record,Status,Node,Result,Attempts,Started,Finished\r\n',
    );
  });
});
