import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTranslations } from '../../i18n/i18n';
import { ExportRecordsButton } from './ExportRecordsButton';

const run = (total: number) => ({
  id: 'run-1',
  counts: { total, succeeded: total, skipped: 0, failed: 0 },
});

describe('the run page export button', () => {
  beforeAll(() => initTranslations('en'));

  it('is off for a run without records (nothing to export) and on for one with records', () => {
    const empty = renderToStaticMarkup(<ExportRecordsButton run={run(0)} status={null} />);
    expect(empty).toMatch(/<button[^>]*disabled=""[^>]*title="This run has no records\."/);
    const full = renderToStaticMarkup(<ExportRecordsButton run={run(3)} status={null} />);
    expect(full).not.toContain('disabled');
    expect(full).toContain('title="The records shown (this filter) as a CSV file for a spreadsheet"');
  });
});
