import type { RunEvent } from '../../../../shared/flow/run-events';
import {
  eventItemId,
  eventLevel,
  eventNode,
  eventSearchText,
  eventStatus,
  levelRank,
  type LogLevel,
  type LogStatus,
} from './event-facets';
import type { RunLogBuffer } from './run-log-buffer';

export interface LogFilter {
  /** The lowest level shown. */
  level: LogLevel;
  nodeId: string | null;
  status: LogStatus | null;
  /** Free text: record keys, business keys (order number, e-mail, SKU), messages, error codes. */
  text: string;
}

export const defaultLogFilter: LogFilter = { level: 'info', nodeId: null, status: null, text: '' };

export function isFiltering(filter: LogFilter): boolean {
  return (
    filter.level !== 'debug' || filter.nodeId !== null || filter.status !== null || filter.text.trim() !== ''
  );
}

/**
 * Whether one event passes the filter; `itemText` gives a record's business keys, `itemIdOf` the
 * record an event is about (a log line may name it by key only).
 */
export function matchesFilter(
  event: RunEvent,
  filter: LogFilter,
  itemText: (itemId: number) => string,
  itemIdOf: (event: RunEvent) => number | null = eventItemId,
): boolean {
  if (levelRank(eventLevel(event)) < levelRank(filter.level)) return false;
  if (filter.nodeId !== null && eventNode(event) !== filter.nodeId) return false;
  if (filter.status !== null && eventStatus(event) !== filter.status) return false;
  const needle = filter.text.trim().toLowerCase();
  if (needle === '') return true;
  if (eventSearchText(event).includes(needle)) return true;
  const itemId = itemIdOf(event);
  return itemId !== null && itemText(itemId).includes(needle);
}

/**
 * The rows of a buffer that pass a filter, as indices into `buffer.events`. Kept incrementally:
 * `sync()` only looks at events added since the last call, so a live run with 100k rows costs a
 * few new comparisons per batch instead of a full pass.
 */
export class LogView {
  readonly indices: number[] = [];
  private scanned = 0;

  constructor(
    readonly buffer: RunLogBuffer,
    readonly filter: LogFilter,
  ) {
    this.sync();
  }

  /** Takes in events appended since the last call; returns how many rows were added. */
  sync(): number {
    const { events } = this.buffer;
    const before = this.indices.length;
    const itemText = (itemId: number) => this.buffer.textOfItem(itemId);
    const itemIdOf = (event: RunEvent) => this.buffer.itemIdOf(event);
    const everything = !isFiltering(this.filter);
    for (let index = this.scanned; index < events.length; index++) {
      const event = events[index];
      if (event && (everything || matchesFilter(event, this.filter, itemText, itemIdOf))) {
        this.indices.push(index);
      }
    }
    this.scanned = events.length;
    return this.indices.length - before;
  }

  get size(): number {
    return this.indices.length;
  }

  at(row: number): RunEvent | undefined {
    const index = this.indices[row];
    return index === undefined ? undefined : this.buffer.events[index];
  }
}
