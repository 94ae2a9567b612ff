import { describe, expect, it } from 'vitest';
import { messageFields, runMessage } from '../../shared/flow/run-messages';
import type { RunNotice } from '../../shared/notifications/run-notice';
import { noticeText } from './notice-text';

const notice: RunNotice = {
  id: 'run-1:failed',
  kind: 'failed',
  flowId: 'orders',
  flowName: 'POS orders → Teamleader invoices',
  runId: 'run-1',
  status: 'failed',
  counts: { total: 12, succeeded: 4, skipped: 0, failed: 8 },
  error: null,
  at: '2026-12-01T09:00:00.000Z',
  folded: 0,
};

describe('noticeText (desktop notifications)', () => {
  it('says which flow failed and how many records, in English and Dutch', () => {
    expect(noticeText(notice, 'en')).toEqual({
      title: 'POS orders → Teamleader invoices: run failed',
      body: '8 of 12 records failed.',
    });
    expect(noticeText(notice, 'nl')).toEqual({
      title: 'POS orders → Teamleader invoices: run mislukt',
      body: '8 van 12 records mislukt.',
    });
  });

  it('names the run error, an interruption and the notices it stands for', () => {
    const text = noticeText(
      {
        ...notice,
        status: 'interrupted',
        counts: { total: 3, succeeded: 3, skipped: 0, failed: 0 },
        error: { code: 'connection_failed', message: 'MplusKASSA could not be reached.' },
        folded: 2,
      },
      'en',
    );
    expect(text.body).toBe(
      'The run was interrupted. MplusKASSA could not be reached. And 2 earlier notices in the last 15 minutes.',
    );
  });

  it("words a run error that has a code in the notice's language", () => {
    const error = {
      code: 'source_failed',
      ...messageFields(runMessage('sourceReadFailed', { node: 'MplusKASSA-orders', detail: 'HTTP 502' })),
    };
    expect(noticeText({ ...notice, error }, 'nl').body).toBe(
      '8 van 12 records mislukt. Lezen van "MplusKASSA-orders" mislukte: HTTP 502',
    );
    expect(noticeText({ ...notice, error }, 'en').body).toBe(
      '8 of 12 records failed. Reading "MplusKASSA-orders" failed: HTTP 502',
    );
  });

  it('tells a recovery with the records synced', () => {
    expect(noticeText({ ...notice, kind: 'recovered', status: 'succeeded' }, 'en')).toEqual({
      title: 'POS orders → Teamleader invoices recovered',
      body: 'The last run succeeded: 4 records synced.',
    });
  });

  it('counts one record in the singular', () => {
    const one = { total: 1, succeeded: 0, skipped: 0, failed: 1 };
    expect(noticeText({ ...notice, counts: one }, 'en').body).toBe('1 of 1 record failed.');
    expect(noticeText({ ...notice, counts: one }, 'nl').body).toBe('1 van 1 record mislukt.');
    const recovered = { ...notice, kind: 'recovered' as const, status: 'succeeded' as const };
    expect(noticeText({ ...recovered, counts: { ...one, succeeded: 1, failed: 0 } }, 'en').body).toBe(
      'The last run succeeded: 1 record synced.',
    );
  });
});
