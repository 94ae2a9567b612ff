import { afterEach, describe, expect, it } from 'vitest';
import { MADE_KEPT_MS } from './making-claims';
import { Store } from './store';
import { temporaryStore } from './testing';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Two processes on one data folder: two stores on one file, each its own owner. */
function twoProcesses(dead: Set<number> = new Set()) {
  const isAlive = (_host: string, pid: number) => !dead.has(pid);
  const first = temporaryStore({ owner: { id: 'app', host: 'h', pid: 1 }, making: { isAlive } });
  cleanups.push(first.cleanup);
  const second = Store.openDataDir(first.dir, {
    owner: { id: 'cli', host: 'h', pid: 2 },
    making: { isAlive },
  });
  cleanups.unshift(() => second.close());
  return { app: first.store, cli: second };
}

describe('MakingClaims', () => {
  it('keeps a key to one process at a time, per account and key, until it is released', () => {
    const { app, cli } = twoProcesses();
    expect(app.making.claim('tl-1', 'product:1001', 1000)).toBe(true);
    expect(cli.making.claim('tl-1', 'product:1001', 1001)).toBe(false);
    // Other keys and accounts are free.
    expect(cli.making.claim('tl-1', 'product:1002', 1001)).toBe(true);
    expect(cli.making.claim('tl-2', 'product:1001', 1001)).toBe(true);
    // Another process's release does not free the holder's claim.
    cli.making.release('tl-1', 'product:1001');
    expect(cli.making.claim('tl-1', 'product:1001', 1002)).toBe(false);
    app.making.release('tl-1', 'product:1001');
    expect(cli.making.claim('tl-1', 'product:1001', 1003)).toBe(true);
  });

  it('takes over the claim of a process that died, and one held implausibly long', () => {
    const dead = new Set<number>();
    const { app, cli } = twoProcesses(dead);
    expect(app.making.claim('tl-1', 'company:ann@example.com', 1000)).toBe(true);
    expect(cli.making.claim('tl-1', 'company:ann@example.com', 1000)).toBe(false);
    dead.add(1);
    expect(cli.making.claim('tl-1', 'company:ann@example.com', 1001)).toBe(true);

    expect(cli.making.claim('tl-1', 'product:7', 1000)).toBe(true);
    // Alive (its pid may have been reused), but holding a key for 15 minutes: taken over.
    expect(app.making.claim('tl-1', 'product:7', 1000 + 15 * 60_000 - 1)).toBe(false);
    expect(app.making.claim('tl-1', 'product:7', 1000 + 15 * 60_000)).toBe(true);
  });

  it('tells what any process made since a time, for a while', () => {
    const { app, cli } = twoProcesses();
    app.making.recordMade('tl-1', 'product:1001', 'p-1', 5000);
    expect(cli.making.madeSince('tl-1', 'product:1001', 5000, 6000)).toBe('p-1');
    // Made before the asker started: its own look-up's to find.
    expect(cli.making.madeSince('tl-1', 'product:1001', 5001, 6000)).toBeUndefined();
    expect(cli.making.madeSince('tl-2', 'product:1001', 0, 6000)).toBeUndefined();
    expect(cli.making.madeSince('tl-1', 'product:1001', 0, 5000 + MADE_KEPT_MS - 1)).toBe('p-1');
    expect(cli.making.madeSince('tl-1', 'product:1001', 0, 5000 + MADE_KEPT_MS)).toBeUndefined();
  });

  it('forgets what is past keeping, and keeps no e-mail address in the database', () => {
    const { app } = twoProcesses();
    app.making.claim('tl-1', 'company:ann@example.com', 1000);
    app.making.recordMade('tl-1', 'company:ann@example.com', 'c-1', 1000);
    app.making.recordMade('tl-1', 'company:bob@example.com', 'c-2', 1000 + MADE_KEPT_MS);
    const rows = [
      ...app.db.prepare('SELECT * FROM making_claims').all(),
      ...app.db.prepare('SELECT * FROM made_records').all(),
    ];
    expect(JSON.stringify(rows)).not.toContain('example.com');
    // Ann's company was made a keeping time before Bob's: gone.
    expect(app.db.prepare('SELECT target_id FROM made_records').pluck().all()).toEqual(['c-2']);
  });
});
