import { describe, expect, it } from 'vitest';
import { shownStatus } from './item-reason';

describe('the status a record is shown with', () => {
  it('is "cancelled" for a record a cancel stopped, and its own status otherwise', () => {
    const error = (code: string) => ({ code, message: 'x', transient: false });
    expect(shownStatus({ status: 'failed', error: error('cancelled') })).toBe('cancelled');
    expect(shownStatus({ status: 'failed', error: error('http_422') })).toBe('failed');
    expect(shownStatus({ status: 'failed', error: null })).toBe('failed');
    expect(shownStatus({ status: 'succeeded', error: null })).toBe('succeeded');
  });
});
