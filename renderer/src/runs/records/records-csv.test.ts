import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText } from './records-csv';

describe('a sheet as CSV', () => {
  it('starts with a byte order mark, quotes what needs it and defuses formulas', () => {
    const text = csvText({
      fields: ['Order number', 'Result'],
      data: [
        ['=HYPERLINK("x")', 'Teamleader answered 422: "due_on", invalid; please check'],
        ['O-2', 'Line one\nline two'],
      ],
      delimiter: ';',
    });
    expect(text.startsWith('\uFEFFOrder number;Result\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const { data } = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ';', newline: '\r\n' });
    expect(data).toEqual([
      ['Order number', 'Result'],
      // A cell a spreadsheet would run as a formula is written as text.
      ['\'=HYPERLINK("x")', 'Teamleader answered 422: "due_on", invalid; please check'],
      ['O-2', 'Line one\nline two'],
    ]);
  });
});
