import type { FlowDocument, FlowEdge, FlowNode } from '../../shared/flow/flow-document';
import type { RunCounts, RunTrigger } from '../../shared/flow/run-records';
import type { Store } from '../store/store';
import type { RunWriter } from '../store/run-writer';
import type { Clock } from './clock';
import type { RetryOptions } from './retry';
import type { NodeModule, TargetInstance, TransformInstance } from './executor';
import type { BloomFilter } from './bloom-filter';
import type { Semaphore } from './semaphore';

/** Per-node counters behind `nodeProgress` events. */
export interface NodeCounters {
  received: number;
  passed: number;
  skipped: number;
  failed: number;
}

export interface ScopeNode {
  readonly node: FlowNode;
  readonly module: NodeModule;
  readonly config: unknown;
}

/** Everything a run's parts share. */
export interface RunScope {
  readonly flow: FlowDocument;
  readonly runId: string;
  readonly trigger: RunTrigger;
  readonly dryRun: boolean;
  readonly store: Store;
  readonly writer: RunWriter;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly nodes: ReadonlyMap<string, ScopeNode>;
  /** Edges leaving `nodeId:port`. */
  readonly edgesFrom: ReadonlyMap<string, readonly FlowEdge[]>;
  readonly transforms: Map<string, TransformInstance>;
  readonly targets: Map<string, TargetInstance>;
  /** The concurrency limit of a node's connection (shared by every run of this process). */
  limiter(nodeId: string): Semaphore | undefined;
  readonly counts: RunCounts;
  counters(nodeId: string): NodeCounters;
  /**
   * Target nodes whose ledger and intents were empty when the run started (a first sync), and the
   * ledger keys this run wrote or began to write: for such a node a key the filter never saw needs
   * no look-up.
   */
  readonly freshTargets: ReadonlySet<string>;
  readonly writtenKeys: BloomFilter;
  /**
   * Per target node, the source keys with an open intent when the run started (a crashed run's
   * writes); empty in a dry run. Keys leave it once resolved.
   */
  readonly openIntents: ReadonlyMap<string, Set<string>>;
  random(): number;
}

/** The run's retry policy, clock, signal and randomness, for `withRetry` on any step. */
export function scopeRetryOptions(
  scope: RunScope,
): Pick<RetryOptions<unknown>, 'policy' | 'clock' | 'signal' | 'random'> {
  return {
    policy: scope.flow.settings.retry,
    clock: scope.clock,
    signal: scope.signal,
    random: scope.random,
  };
}

export function edgeKey(nodeId: string, port: string): string {
  return `${nodeId}:${port}`;
}
