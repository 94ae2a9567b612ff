import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { Connection, ConnectionKind } from '../../shared/connections/connection';
import type { SettingsStore } from '../settings/settings-store';
import { SANDBOX_ID_PREFIX } from './connection-config';

/** Connection metadata in the settings document (secrets are in the vault, never here). */
export class ConnectionStore {
  constructor(private readonly settings: SettingsStore) {}

  list(): Connection[] {
    return this.settings.get().connections;
  }

  find(id: string): Connection | undefined {
    return this.list().find((connection) => connection.id === id);
  }

  /** The connection, or `not_found` naming the id. */
  get(id: string): Connection {
    const connection = this.find(id);
    if (!connection) {
      const known = this.list().map((c) => c.id);
      throw new KoppelError(
        'not_found',
        apiMessage('connectionNotFound', { id, known: known.length ? known.join(', ') : undefined }),
      );
    }
    return connection;
  }

  /** Adds the connection, or replaces the one with its id. */
  save<C extends Connection>(connection: C): C {
    this.settings.updateConnections((list) => {
      const index = list.findIndex((c) => c.id === connection.id);
      return index === -1 ? [...list, connection] : list.map((c, i) => (i === index ? connection : c));
    });
    return connection;
  }

  /** Applies a change to the stored connection (re-read from disk first) and returns the result. */
  update<C extends Connection>(connection: C, change: (current: C) => C): C {
    let updated: C | undefined;
    this.settings.updateConnections((list) =>
      list.map((c) => {
        if (c.id !== connection.id || c.kind !== connection.kind) return c;
        updated = change(c as C);
        return updated;
      }),
    );
    if (!updated)
      throw new KoppelError('not_found', apiMessage('connectionRemovedMeanwhile', { id: connection.id }));
    return updated;
  }

  remove(id: string): void {
    this.settings.updateConnections((list) => list.filter((c) => c.id !== id));
  }

  /** The id for a new live connection: the one asked for (never a sandbox id), or {@link nextId}. */
  newId(kind: ConnectionKind, requested?: string): string {
    if (requested === undefined) return this.nextId(kind);
    if (requested.startsWith(SANDBOX_ID_PREFIX)) {
      throw new KoppelError(
        'invalid_input',
        apiMessage('connectionIdReserved', { prefix: SANDBOX_ID_PREFIX }),
      );
    }
    return requested;
  }

  /** `mplus`, then `mplus-2`, `mplus-3`…: short ids that make readable `KOPPEL_SECRET_*` names. */
  nextId(kind: ConnectionKind): string {
    const taken = new Set(this.list().map((c) => c.id));
    if (!taken.has(kind)) return kind;
    for (let n = 2; ; n += 1) if (!taken.has(`${kind}-${n}`)) return `${kind}-${n}`;
  }
}
