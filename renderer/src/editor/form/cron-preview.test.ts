import { describe, expect, it } from 'vitest';
import { cronPreview } from './cron-preview';

describe('cron preview', () => {
  it('lists the next times of a valid expression, one hour apart', () => {
    const preview = cronPreview('0 * * * *', 'Europe/Amsterdam');
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.next).toHaveLength(3);
    const [first, second] = preview.next;
    expect((second?.getTime() ?? 0) - (first?.getTime() ?? 0)).toBe(3_600_000);
    expect(first?.getUTCMinutes()).toBe(0);
  });

  it('explains an invalid one', () => {
    expect(cronPreview('every hour', 'Europe/Amsterdam')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/five, six, or seven/),
    });
  });
});
