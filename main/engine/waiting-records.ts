import type { FlowEdge } from '../../shared/flow/flow-document';
import { isJsonObject } from '../../shared/flow/json';
import { messageFields, runMessage } from '../../shared/flow/run-messages';
import type { BusinessKeys, ItemKeyParts } from '../../shared/flow/run-records';
import {
  WAITING_DAYS,
  WAITING_MS,
  waitsForAnotherRecord,
  type SkipReason,
} from '../../shared/flow/skip-reasons';
import type { ItemRecord } from '../store/items-repo';
import type { RunWriter } from '../store/run-writer';
import type { Store } from '../store/store';
import type { WaitingRecord } from '../store/waiting-repo';
import type { Clock } from './clock';
import type { FlowRecord } from './executor';
import type { ItemLauncher } from './item-launcher';
import type { RunScope } from './run-scope';

const NONE: readonly SkipReason[] = [];

export interface WaitingDeps {
  flowId: string;
  dryRun: boolean;
  store: Store;
  writer: RunWriter;
  clock: Clock;
  launcher: ItemLauncher;
}

/**
 * The records of one source of a flow that wait for another record (a stock level for a product
 * Teamleader does not have yet, the payment of an order the orders flow has not made yet: see
 * `waitsForAnotherRecord`). Their source will not send them again unless they change, so the next
 * runs offer them again, after the source's own records, until they go through, fail, the source
 * sends a newer version (which takes their place), or {@link WAITING_DAYS} pass. A dry run neither
 * offers them nor changes what waits.
 */
export class WaitingRecords {
  /** What waited when the run started, by item key. */
  private readonly stored: Map<string, WaitingRecord>;
  /** Item keys waiting now (stored or put by this run): an item of one that ends otherwise ends its wait. */
  private readonly waiting: Set<string>;
  /** Stored ones the source sent again this run: the newer version stands in for them. */
  private readonly sentAgain = new Set<string>();

  constructor(
    private readonly deps: WaitingDeps,
    private readonly nodeId: string,
  ) {
    const stored = deps.dryRun ? [] : deps.store.waiting.ofSource(deps.flowId, nodeId);
    this.stored = new Map(stored.map((record) => [record.itemKey, record]));
    this.waiting = new Set(this.stored.keys());
  }

  /** The source sent a record with this item key. */
  read(itemKey: string): void {
    if (this.stored.has(itemKey)) this.sentAgain.add(itemKey);
  }

  /** An item of this source ended: it waits from now (or still), or no longer. */
  settle(item: ItemRecord, key: ItemKeyParts, businessKeys: BusinessKeys): void {
    if (this.deps.dryRun) return;
    const reasons =
      item.status !== 'failed' && item.reasons ? item.reasons.filter(waitsForAnotherRecord) : NONE;
    if (reasons.length > 0 && isJsonObject(item.source)) {
      const now = this.deps.clock.now();
      this.deps.writer.putWaiting({
        flowId: this.deps.flowId,
        nodeId: this.nodeId,
        key,
        record: item.source,
        businessKeys,
        reasons,
        itemId: item.id,
        // The table keeps the time a stored record first waited.
        since: now,
        at: now,
      });
      this.waiting.add(item.key);
    } else if (this.waiting.delete(item.key)) {
      this.deps.writer.dropWaiting(this.deps.flowId, item.key);
    }
  }

  /**
   * After the source was read to its end: offers each stored record it did not send again to the
   * source's next steps, as a new item of this run (those waiting longer than {@link WAITING_DAYS}
   * are let go, with a line in the run's log).
   */
  async offerAgain(scope: RunScope, nodeLabel: string, targets: readonly FlowEdge[]): Promise<void> {
    const now = this.deps.clock.now();
    const expired: WaitingRecord[] = [];
    const offered: WaitingRecord[] = [];
    for (const record of this.stored.values()) {
      if (this.sentAgain.has(record.itemKey)) continue;
      (now - record.since > WAITING_MS ? expired : offered).push(record);
    }
    for (const record of expired) {
      this.waiting.delete(record.itemKey);
      this.deps.writer.dropWaiting(this.deps.flowId, record.itemKey);
    }
    if (expired.length > 0) {
      this.deps.writer.event({
        type: 'log',
        level: 'warn',
        nodeId: this.nodeId,
        ...messageFields(
          runMessage('waitingGivenUp', {
            count: expired.length,
            node: nodeLabel,
            days: WAITING_DAYS,
            keys: expired.map((record) => record.itemKey).join(', '),
          }),
        ),
      });
    }
    if (offered.length === 0 || targets.length === 0) return;
    this.deps.writer.event({
      type: 'log',
      level: 'info',
      nodeId: this.nodeId,
      ...messageFields(runMessage('waitingOfferedAgain', { count: offered.length, node: nodeLabel })),
    });
    const { launcher } = this.deps;
    for (const record of offered) {
      const item = launcher.newItem(record.key, this.nodeId, record.record, record.businessKeys, null);
      const flowRecord: FlowRecord = { data: record.record, createOnly: [] };
      await launcher.launch(
        scope,
        item,
        targets.map((edge) => ({ nodeId: edge.target, record: flowRecord })),
        () => this.settle(item.record, record.key, record.businessKeys),
      );
    }
  }
}
