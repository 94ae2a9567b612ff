import { describe, expect, it } from 'vitest';
import { stoppedApart } from './stopped-apart';

describe('stoppedApart', () => {
  it('splits the failed into those that failed of themselves and those a cancel stopped', () => {
    expect(stoppedApart(5, 3)).toEqual({ failed: 2, stopped: 3 });
    expect(stoppedApart(4, 0)).toEqual({ failed: 4, stopped: 0 });
  });

  it('never shows more stopped than failed (a retry settled some since they were read)', () => {
    expect(stoppedApart(2, 4)).toEqual({ failed: 0, stopped: 2 });
  });
});
