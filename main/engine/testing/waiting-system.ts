import type { JsonObject } from '../../../shared/flow/json';
import type { WaitListener, WaitNews } from '../connections';
import { MemorySystem, type MemoryEntry } from './memory-system';

/**
 * The in-memory test system with {@link WaitNews}, like the Teamleader client: before its 3rd
 * write it tells of a 58.4 s wait for "Test allows 2 calls a minute" (and does not wait).
 */
export class WaitingSystem extends MemorySystem implements WaitNews {
  readonly listeners = new Set<WaitListener>();
  private writes = 0;

  onWait(listener: WaitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  override async create(
    entity: string,
    data: JsonObject,
    idempotencyKey?: string,
  ): Promise<{ entry: MemoryEntry; replayed: boolean }> {
    if (++this.writes === 3) {
      for (const listener of this.listeners)
        listener({ waitMs: 58_400, system: 'Test', limit: 2, windowMs: 60_000 });
    }
    return super.create(entity, data, idempotencyKey);
  }
}
