import type { JsonValue } from '../../shared/flow/json';

interface Slot {
  checkpoint: JsonValue | undefined;
  done: boolean;
  /** False when the record did not finish in a way that allows moving past it. */
  passable: boolean;
}

/**
 * Decides how far a source's cursor may move: records finish out of order (concurrency), so the
 * cursor only moves to the checkpoint of the last record in an unbroken run of finished records
 * from the start. A record that may not be passed (cancelled, transient failure, crash) stops
 * it for the rest of the run, so the next run reads it again.
 */
export class CursorTracker {
  private readonly slots = new Map<number, Slot>();
  private head = 0;
  private next = 0;
  private blocked = false;
  private latest: JsonValue | undefined;

  /** Registers the next record (in read order); returns its position. */
  add(checkpoint: JsonValue | undefined): number {
    const position = this.next++;
    // Once blocked the cursor cannot move this run, so later records need no bookkeeping.
    if (!this.blocked) this.slots.set(position, { checkpoint, done: false, passable: false });
    return position;
  }

  /** A checkpoint valid once everything before it is done (a page's end). */
  mark(checkpoint: JsonValue | undefined): JsonValue | undefined {
    const position = this.add(checkpoint);
    return this.finish(position, true);
  }

  /**
   * Marks a record finished. Returns the new cursor value when it moved (to be stored with the
   * record's final state), else undefined.
   */
  finish(position: number, passable: boolean): JsonValue | undefined {
    const slot = this.slots.get(position);
    if (!slot) return undefined;
    if (this.blocked) {
      this.slots.delete(position);
      return undefined;
    }
    slot.done = true;
    slot.passable = passable;
    let moved = false;
    while (!this.blocked) {
      const head = this.slots.get(this.head);
      if (!head?.done) break;
      if (!head.passable) {
        this.blocked = true;
        this.slots.clear();
        break;
      }
      this.slots.delete(this.head);
      this.head++;
      if (head.checkpoint !== undefined) {
        this.latest = head.checkpoint;
        moved = true;
      }
    }
    return moved ? this.latest : undefined;
  }

  /** Records registered but not yet past the head (bounded by the records in flight). */
  get pending(): number {
    return this.slots.size;
  }
}
