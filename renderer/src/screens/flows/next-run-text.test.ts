import { describe, expect, it } from 'vitest';
import { noNextRunText } from './next-run-text';

const t = (key: string) => `<${key}>`;

describe('a flow without a next run', () => {
  it('says why: by hand only, paused, or not scheduled here; nothing when it has a next run', () => {
    const interval = { kind: 'interval', everyMinutes: 15, timezone: 'Europe/Amsterdam' } as const;
    expect(noNextRunText(t, { nextRunAt: null, schedule: { kind: 'manual' }, enabled: true })).toBe(
      '<dashboard.manualOnly>',
    );
    expect(noNextRunText(t, { nextRunAt: null, schedule: interval, enabled: false })).toBe(
      '<dashboard.paused>',
    );
    expect(noNextRunText(t, { nextRunAt: null, schedule: interval, enabled: true })).toBe(
      '<dashboard.notScheduled>',
    );
    expect(
      noNextRunText(t, { nextRunAt: '2026-12-01T10:00:00Z', schedule: interval, enabled: true }),
    ).toBeNull();
  });
});
