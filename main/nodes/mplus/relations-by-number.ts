import type { MplusClient } from '../../connectors/mplus/client';
import type { Relation } from '../../connectors/mplus/generated/model-types';
import { api } from '../steps/support/api-errors';

/** Relation numbers asked for in one `getRelations` call. */
const BATCH = 100;

/**
 * The relations of a run's documents by number, read a page's worth at a time with
 * `getRelations(relationNumbers)` rather than one `getRelation` per document: a page of 100 POS
 * orders from 80 customers was 80 calls to the till, and is now one. Kept for the run: a
 * customer's orders later in the run need no call.
 */
export class RelationsByNumber {
  private readonly relations = new Map<number, Relation | null>();

  constructor(
    private readonly client: MplusClient,
    private readonly signal: AbortSignal,
    /** Wraps each call in the flow's retry policy. */
    private readonly retry: <T>(call: () => Promise<T>) => Promise<T>,
  ) {}

  /** Reads the relations of `numbers` not read yet; a number MplusKASSA does not know is null (a walk-in). */
  async load(numbers: readonly (number | undefined)[]): Promise<void> {
    const missing = [
      ...new Set(numbers.filter((n): n is number => n !== undefined && !this.relations.has(n))),
    ];
    for (let offset = 0; offset < missing.length; offset += BATCH) {
      const batch = missing.slice(offset, offset + BATCH);
      const found = await this.retry(() =>
        api(() => this.client.getRelations({ relationNumbers: batch }, { signal: this.signal })),
      );
      for (const relation of found) {
        if (relation.relationNumber !== undefined) this.relations.set(relation.relationNumber, relation);
      }
      for (const number of batch) if (!this.relations.has(number)) this.relations.set(number, null);
    }
  }

  /** A loaded relation; null for none, or one not loaded. */
  get(number: number | undefined): Relation | null {
    return number === undefined ? null : (this.relations.get(number) ?? null);
  }
}
