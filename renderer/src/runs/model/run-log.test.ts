import { describe, expect, it } from 'vitest';
import { eventLevel, eventStatus } from './event-facets';
import { defaultLogFilter, LogView, matchesFilter } from './log-view';
import { RunLogBuffer } from './run-log-buffer';
import { EventBuilder } from './testing/run-events';

describe('RunLogBuffer', () => {
  it('keeps events in sequence order and ignores duplicates', () => {
    const b = new EventBuilder();
    const [start, item, done] = [b.started(), b.item(1, 'ORD-1'), b.succeeded(1)];
    const log = new RunLogBuffer('run-1');
    expect(log.append([start, item])).toEqual({ added: 2, missingAfter: null });
    expect(log.append([item, done])).toEqual({ added: 1, missingAfter: null });
    expect(log.events.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(log.version).toBe(2);
  });

  it('holds events after a gap and asks for the missing ones, then closes the gap', () => {
    const b = new EventBuilder();
    const events = [b.started(), b.item(1, 'ORD-1'), b.failed(1), b.item(2, 'ORD-2'), b.succeeded(2)];
    const log = new RunLogBuffer('run-1');
    log.append(events.slice(0, 1));
    // A reconnect lost seq 2 and 3.
    expect(log.append(events.slice(3))).toEqual({ added: 0, missingAfter: 1 });
    expect(log.events).toHaveLength(1);
    // The catch-up page brings 2..4; 5 was held and follows on.
    expect(log.append(events.slice(1, 4))).toEqual({ added: 4, missingAfter: null });
    expect(log.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(log.finished).toBe(false);
  });

  it('ignores events of other runs', () => {
    const other = new EventBuilder('run-2');
    const log = new RunLogBuffer('run-1');
    expect(log.append([other.started()]).added).toBe(0);
  });

  it('collects node ids and knows when the run finished', () => {
    const b = new EventBuilder();
    const log = new RunLogBuffer('run-1');
    log.append([b.started(), b.item(1, 'ORD-1'), b.progress('map', 1, 1), b.succeeded(1, 'target')]);
    log.append([b.finished({ total: 1, succeeded: 1, skipped: 0, failed: 0 })]);
    expect([...log.nodes].sort()).toEqual(['map', 'source', 'target']);
    expect(log.finished).toBe(true);
  });
});

describe('event facets', () => {
  it('gives failures error level, retries warn, progress debug', () => {
    const b = new EventBuilder();
    expect(eventLevel(b.failed(1))).toBe('error');
    expect(eventLevel(b.retrying(1))).toBe('warn');
    expect(eventLevel(b.progress('map', 1, 1))).toBe('debug');
    expect(eventLevel(b.succeeded(1))).toBe('info');
    expect(eventLevel(b.log('warn', 'slow'))).toBe('warn');
    expect(eventLevel(b.finished({ total: 1, succeeded: 0, skipped: 0, failed: 1 }))).toBe('error');
    expect(eventStatus(b.skipped(1))).toBe('skipped');
    expect(eventStatus(b.started())).toBeNull();
  });
});

describe('log filter', () => {
  const b = new EventBuilder();
  const log = new RunLogBuffer('run-1');
  log.append([
    b.started(),
    b.item(1, 'ORD-1001'),
    b.progress('map', 1, 1),
    b.failed(1, { message: 'VAT rate missing' }),
    b.item(2, 'ORD-1002'),
    b.retrying(2),
    b.succeeded(2),
    b.log('info', 'Cursor saved'),
  ]);
  const rows = (view: LogView) => [...view.indices].map((index) => log.events[index]?.type);

  it('hides debug rows at the default level', () => {
    expect(rows(new LogView(log, defaultLogFilter))).not.toContain('nodeProgress');
    expect(rows(new LogView(log, { ...defaultLogFilter, level: 'debug' }))).toContain('nodeProgress');
  });

  it('shows a level and above', () => {
    expect(rows(new LogView(log, { ...defaultLogFilter, level: 'warn' }))).toEqual([
      'itemFailed',
      'itemRetrying',
    ]);
  });

  it('filters by node and by status', () => {
    expect(rows(new LogView(log, { ...defaultLogFilter, nodeId: 'source' }))).toEqual([
      'itemStarted',
      'itemStarted',
    ]);
    expect(rows(new LogView(log, { ...defaultLogFilter, status: 'failed' }))).toEqual(['itemFailed']);
  });

  it('finds every row of a record by its order number, and rows by message', () => {
    expect(rows(new LogView(log, { ...defaultLogFilter, text: 'ord-1002' }))).toEqual([
      'itemStarted',
      'itemRetrying',
      'itemSucceeded',
    ]);
    expect(rows(new LogView(log, { ...defaultLogFilter, text: 'VAT RATE' }))).toEqual(['itemFailed']);
  });

  it('takes in new events incrementally', () => {
    const live = new RunLogBuffer('run-1');
    const c = new EventBuilder();
    live.append([c.started(), c.item(1, 'A')]);
    const view = new LogView(live, { ...defaultLogFilter, status: 'failed' });
    expect(view.size).toBe(0);
    live.append([c.failed(1), c.item(2, 'B'), c.failed(2)]);
    expect(view.sync()).toBe(2);
    expect(view.at(1)?.type).toBe('itemFailed');
    expect(view.sync()).toBe(0);
  });

  it('matchesFilter uses the record text lookup', () => {
    const event = b.succeeded(7);
    expect(matchesFilter(event, { ...defaultLogFilter, text: 'x@y.be' }, () => 'x@y.be')).toBe(true);
    expect(matchesFilter(event, { ...defaultLogFilter, text: 'x@y.be' }, () => '')).toBe(false);
  });

  it("finds a node's log line that names a record by key under the record's order number", () => {
    const c = new EventBuilder();
    const log = new RunLogBuffer('run-1');
    log.append([
      c.started(),
      c.item(4, 'O2026-000004'),
      c.logAbout('warn', 'line 1: 9 % VAT in the source, 6 % in Teamleader', 'target', 'mplus:order:4'),
    ]);
    const line = log.events.at(-1);
    expect(line && log.itemIdOf(line)).toBe(4);
    expect(log.labelOfItem(4)).toBe('O2026-000004');
    const view = new LogView(log, { ...defaultLogFilter, text: 'o2026-000004' });
    expect(view.size).toBe(2);
    expect(view.at(1)?.type).toBe('log');
    // A line about no record stays about none.
    const plain = c.log('info', 'Reading started');
    expect(log.itemIdOf(plain)).toBeNull();
  });
});
