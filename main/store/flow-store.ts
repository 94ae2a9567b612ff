import fs from 'node:fs';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { FlowDocument } from '../../shared/flow/flow-document';
import { FlowMigrationError, migrateFlow } from '../../shared/flow/migrations';
import type { DocumentBackend } from './document-backend';
import { isEmptyDocument, previousVersionOf } from './json-document';
import { isRecord } from '../../shared/flow/schema-walk';

/** `<dataDir>/flows.json`: `{ flows: { [id]: FlowDocument } }`, each flow in its own schema version. */
interface FlowsFile {
  flows: Record<string, unknown>;
}

export interface StoredFlowError {
  id: string;
  message: string;
}

/** The flows that read, and those that do not. */
export interface StoredFlows {
  flows: FlowDocument[];
  errors: StoredFlowError[];
}

/**
 * The saved flows. Every read goes to the file (the desktop app and the command line share it);
 * flows written by an older Koppel are migrated on read and rewritten on their next save.
 */
export class FlowStore {
  private readonly listeners = new Set<(stored: StoredFlows) => void>();

  constructor(
    private readonly backend: DocumentBackend,
    private readonly now: () => number = Date.now,
  ) {}

  get path(): string {
    return this.backend.path;
  }

  /** Every flow that reads; unreadable ones are reported in `errors`. */
  load(): StoredFlows {
    const flows: FlowDocument[] = [];
    const errors: StoredFlowError[] = [];
    for (const [id, stored] of Object.entries(this.file().flows)) {
      try {
        flows.push(migrateFlow(stored));
      } catch (error) {
        errors.push({ id, message: error instanceof Error ? error.message : String(error) });
      }
    }
    flows.sort((a, b) => a.name.localeCompare(b.name));
    return { flows, errors };
  }

  list(): FlowDocument[] {
    return this.load().flows;
  }

  get(id: string): FlowDocument | undefined {
    const stored = this.file().flows[id];
    if (stored === undefined) return undefined;
    try {
      return migrateFlow(stored);
    } catch (error) {
      if (error instanceof FlowMigrationError) {
        throw new KoppelError(
          'invalid_flow',
          apiMessage('storedFlowUnreadable', { id, ...error.words() }),
          error.issues,
        );
      }
      throw error;
    }
  }

  /** The flow, or `not_found`. */
  require(id: string): FlowDocument {
    const flow = this.get(id);
    if (!flow) throw new KoppelError('not_found', apiMessage('flowNotFound', { id }));
    return flow;
  }

  /**
   * Saves a flow. Its `revision` must be the stored one (0 for a new flow) — otherwise someone
   * else saved in between and this save would silently drop their change: `conflict`. A flow
   * saved before (revision above 0) that is no longer stored was deleted in between: saving it
   * would bring it back unasked, so that is a `conflict` too (save it with revision 0 to mean it).
   */
  save(flow: FlowDocument, options: { force?: boolean } = {}): FlowDocument {
    const file = this.file();
    const current = file.flows[flow.id];
    if (current === undefined && flow.revision > 0 && !options.force) {
      throw new KoppelError('conflict', apiMessage('flowDeletedElsewhere', { name: flow.name }), {
        storedRevision: null,
      });
    }
    if (current !== undefined && !options.force) {
      const stored = migrateFlow(current);
      if (stored.revision !== flow.revision) {
        throw new KoppelError(
          'conflict',
          apiMessage('flowChangedElsewhere', {
            name: flow.name,
            stored: stored.revision,
            yours: flow.revision,
          }),
          { storedRevision: stored.revision },
        );
      }
    }
    const saved: FlowDocument = {
      ...flow,
      revision: flow.revision + 1,
      updatedAt: new Date(this.now()).toISOString(),
    };
    this.backend.write({ ...file, flows: { ...file.flows, [flow.id]: saved } });
    this.changed();
    return saved;
  }

  delete(id: string): boolean {
    const file = this.file();
    if (!(id in file.flows)) return false;
    const { [id]: _removed, ...rest } = file.flows;
    this.backend.write({ ...file, flows: rest });
    this.changed();
    return true;
  }

  /** Called after every change made through this store, with the flows as stored now. */
  onChange(listener: (stored: StoredFlows) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    if (this.listeners.size === 0) return;
    const stored = this.load();
    for (const listener of this.listeners) listener(stored);
  }

  /**
   * The file's flows. No file, or an empty one, holds none; anything else without a `flows` object
   * (edited by hand) is refused rather than read as no flows (conf itself reads a top-level array
   * as `{}`): every flow would look deleted, and the next save would write over what the user meant
   * to keep.
   */
  private file(): FlowsFile {
    const raw = this.backend.read();
    if (isRecord(raw) && isRecord(raw.flows)) return { flows: { ...raw.flows } };
    if (isEmptyDocument(raw)) return { flows: {} };
    const backup = previousVersionOf(this.backend.path);
    throw new KoppelError(
      'invalid_input',
      apiMessage('flowsFileShape', {
        file: this.backend.path,
        ...(fs.existsSync(backup) ? { backup } : {}),
      }),
    );
  }
}
