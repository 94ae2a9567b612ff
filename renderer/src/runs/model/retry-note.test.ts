import { describe, expect, it } from 'vitest';
import { retryNote } from './retry-note';

describe('retryNote', () => {
  it('says what retries made of a node’s failures, and nothing when they changed nothing', () => {
    expect(retryNote(3, 3)).toBeNull();
    expect(retryNote(3, 0)).toEqual({ key: 'runs.detail.nodeFixed', count: 3 });
    expect(retryNote(3, 1)).toEqual({ key: 'runs.detail.nodeStillFailing', count: 1 });
    // A retry that failed where the run had passed (another node's data changed since).
    expect(retryNote(0, 2)).toEqual({ key: 'runs.detail.nodeFailingAfterRetry', count: 2 });
  });
});
