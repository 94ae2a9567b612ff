import { describe, expect, it } from 'vitest';
import { errorKind } from './item-reason';

describe('the kind of failure a record page words', () => {
  it("words a cancel's error as a cancel, not as a permanent failure", () => {
    expect(errorKind({ code: 'cancelled', transient: false })).toBe('runs.record.stoppedByCancel');
    expect(errorKind({ code: 'http_503', transient: true })).toBe('runs.record.transient');
    expect(errorKind({ code: 'http_422', transient: false })).toBe('runs.record.permanent');
  });
});
