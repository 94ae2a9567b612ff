import { waitsForAnotherRecord } from '../../shared/flow/skip-reasons';
import type { ItemRecord } from '../store/items-repo';
import type { RunWriter } from '../store/run-writer';
import type { Store } from '../store/store';

interface EarlierFailure {
  id: number;
  runId: string;
  attempts: number;
}

/**
 * The failed items of a flow's earlier runs, by item key, that this run's outcomes settle. A record
 * that failed (the network, a cancel, data fixed since) and goes through in a later run (the next
 * scheduled one reads it again) is no longer shown failing in the run it failed in: it reads
 * "Retried in a later run", as a retried record does, and that run's counts follow. Loaded once
 * when the run starts (failures are few); a dry run settles nothing, and a record that still waits
 * for another or fails again leaves them as they are.
 */
export class EarlierFailures {
  private readonly byKey = new Map<string, EarlierFailure[]>();
  private readonly settled = new Set<string>();

  constructor(
    deps: { store: Store; flowId: string; dryRun: boolean },
    private readonly writer: RunWriter,
  ) {
    if (deps.dryRun) return;
    for (const failure of deps.store.items.failedOfFlow(deps.flowId)) {
      const list = this.byKey.get(failure.key);
      if (list) list.push(failure);
      else this.byKey.set(failure.key, [failure]);
    }
  }

  /** An item of this run ended. */
  settle(item: ItemRecord): void {
    if (this.byKey.size === 0 || item.status === 'failed') return;
    if (item.reasons?.some(waitsForAnotherRecord)) return;
    const earlier = this.byKey.get(item.key);
    if (!earlier) return;
    this.byKey.delete(item.key);
    for (const failure of earlier) {
      // A retry settles its own original (retry-items.ts); the others of the key are settled here.
      if (failure.id === item.retryOf) continue;
      // The failed item keeps its own count of attempts.
      this.writer.resolveOriginal(failure.id, { ...item, attempts: failure.attempts });
      this.settled.add(failure.runId);
    }
  }

  /** The runs whose items this run settled: their counts are counted again when it ends. */
  settledRuns(): ReadonlySet<string> {
    return this.settled;
  }
}
