import type { RunEvent } from '../../../../shared/flow/run-events';
import { eventItemId, eventNode } from './event-facets';

export interface AppendResult {
  /** Events added to the log (in order). */
  added: number;
  /**
   * Set when events arrived after a gap (a reconnect lost a batch): the log needs
   * `runs.events` from this sequence number on. The early arrivals are held until then.
   */
  missingAfter: number | null;
}

/**
 * One run's events in sequence order, without gaps or duplicates. Append-only and mutable on
 * purpose: a run can have hundreds of thousands of events, and copying them on every batch would
 * cost more than rendering. Readers watch `version`.
 */
export class RunLogBuffer {
  readonly events: RunEvent[] = [];
  /** Incremented on every change. */
  version = 0;
  /** Business keys of each record (from its `itemStarted`), lower-cased, so a search finds all its rows. */
  private readonly itemText = new Map<number, string>();
  /** What people call each record: its order number, SKU or e-mail (from its `itemStarted`). */
  private readonly itemLabel = new Map<number, string>();
  /** Each record key's item (from its `itemStarted`): a node's log line names a record by its key. */
  private readonly itemOfKey = new Map<string, number>();
  private readonly nodeIds = new Set<string>();
  /** A new array only when a node is added, so readers can compare it by reference. */
  private nodeList: readonly string[] = [];
  private held: RunEvent[] = [];

  constructor(readonly runId: string) {}

  get lastSeq(): number {
    return this.events.at(-1)?.seq ?? 0;
  }

  get finished(): boolean {
    return this.events.at(-1)?.type === 'runFinished';
  }

  /** Node ids seen so far, for the node filter (the same array until a node is added). */
  get nodes(): readonly string[] {
    return this.nodeList;
  }

  /** A record's order number, SKU or e-mail, if it has one. */
  labelOfItem(itemId: number): string | undefined {
    return this.itemLabel.get(itemId);
  }

  /**
   * The record an event is about: its item, or for a node's log line that names a record by key,
   * that record's item in this run.
   */
  itemIdOf(event: RunEvent): number | null {
    const itemId = eventItemId(event);
    if (itemId !== null || event.type !== 'log' || event.key === undefined) return itemId;
    return this.itemOfKey.get(event.key) ?? null;
  }

  /** Business-key text of a record, '' when unknown. */
  textOfItem(itemId: number): string {
    return this.itemText.get(itemId) ?? '';
  }

  /** Adds events (any order, duplicates and already-known ones ignored). */
  append(incoming: readonly RunEvent[]): AppendResult {
    const candidates = [...this.held, ...incoming.filter((event) => event.runId === this.runId)];
    candidates.sort((a, b) => a.seq - b.seq);
    this.held = [];
    let added = 0;
    for (const event of candidates) {
      const last = this.lastSeq;
      if (event.seq <= last) continue;
      if (event.seq > last + 1) {
        this.held.push(event);
        continue;
      }
      this.push(event);
      added++;
    }
    if (added > 0) this.version++;
    return { added, missingAfter: this.held.length > 0 ? this.lastSeq : null };
  }

  private push(event: RunEvent): void {
    this.events.push(event);
    const node = eventNode(event);
    if (node && !this.nodeIds.has(node)) {
      this.nodeIds.add(node);
      this.nodeList = [...this.nodeIds];
    }
    if (event.type === 'itemStarted') {
      this.itemOfKey.set(event.key, event.itemId);
      const keys = Object.values(event.businessKeys).join(' ').toLowerCase();
      if (keys) this.itemText.set(event.itemId, keys);
      const { orderNumber, sku, email } = event.businessKeys;
      const label = orderNumber ?? sku ?? email;
      if (label) this.itemLabel.set(event.itemId, label);
    }
  }
}
