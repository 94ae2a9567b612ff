import type { FlowChange } from '../../shared/api/events';
import { watchDocumentFile } from './document-watch';
import type { FlowStore, StoredFlows } from './flow-store';

export interface FlowWatchOptions {
  flows: FlowStore;
  /** Called with what changed since the last call (never with an empty list). */
  onChanges: (changes: FlowChange[]) => void;
  /** How often the file is looked at for another process's saves (default `DOCUMENT_POLL_MS`). */
  pollMs?: number;
  /**
   * The file does not read now (edited by hand): why, and the next change is looked at again;
   * `undefined` once it reads again.
   */
  onProblem?: (problem: unknown) => void;
}

/**
 * Tells what changed among the saved flows: saved (its new revision, or a new flow) or deleted,
 * whether this process changed it (at once) or another on the same data folder did (the desktop
 * app and the web host, `koppel flows import`: `watchDocumentFile`).
 */
export class FlowWatch {
  private seen = new Map<string, { name: string; revision: number }>();
  private broken = false;
  private stopWatching: (() => void) | undefined;

  constructor(private readonly options: FlowWatchOptions) {}

  start(): void {
    if (this.stopWatching) return;
    this.seen = this.snapshot() ?? new Map();
    // This process's saves come with the flows as stored: no need to read the file again.
    const unsubscribe = this.options.flows.onChange((stored) => this.check(stored));
    const unwatch = watchDocumentFile(this.options.flows.path, () => this.check(), this.options.pollMs);
    this.stopWatching = () => {
      unsubscribe();
      unwatch();
    };
  }

  stop(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** Compares the flows (as given, else read now) with those last seen and reports the differences. */
  check(stored?: StoredFlows): void {
    const now = this.snapshot(stored);
    if (!now) return;
    const changes: FlowChange[] = [];
    for (const [id, flow] of now) {
      const before = this.seen.get(id);
      if (!before || before.revision !== flow.revision || before.name !== flow.name) {
        changes.push({ id, name: flow.name, revision: flow.revision });
      }
    }
    for (const [id, before] of this.seen) {
      if (!now.has(id)) changes.push({ id, name: before.name, revision: null });
    }
    this.seen = now;
    if (changes.length > 0) this.options.onChanges(changes);
  }

  /** Each readable flow's name and revision; undefined while the file cannot be read. */
  private snapshot(stored?: StoredFlows): Map<string, { name: string; revision: number }> | undefined {
    try {
      const { flows, errors } = stored ?? this.options.flows.load();
      const now = new Map(flows.map((flow) => [flow.id, { name: flow.name, revision: flow.revision }]));
      // A flow that does not read now (edited by hand) is not gone: it stays as last seen.
      for (const { id } of errors) {
        const before = this.seen.get(id);
        if (before) now.set(id, before);
      }
      if (this.broken) {
        this.broken = false;
        this.options.onProblem?.(undefined);
      }
      return now;
    } catch (error) {
      this.broken = true;
      this.options.onProblem?.(error);
      return undefined;
    }
  }
}
