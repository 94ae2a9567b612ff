import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runMessageText } from '../../../shared/flow/run-messages';
import { MplusProtocolError } from './errors';
import { iterateSyncPages, type SyncSource } from './sync-pages';

/** Paging over a fake source: records are groups of markers, like products with their articles. */
function source(records: number[][], limit: number): SyncSource<number[]> {
  return {
    operation: 'test',
    async fetch(syncMarker) {
      // The server semantics: units (markers) ≥ syncMarker in order, capped at the limit, grouped by record.
      const units = records
        .flatMap((markers, record) => markers.map((m) => ({ m, record })))
        .filter((u) => u.m >= syncMarker);
      units.sort((a, b) => a.m - b.m);
      const page = new Map<number, number[]>();
      for (const unit of units.slice(0, limit))
        page.set(unit.record, [...(page.get(unit.record) ?? []), unit.m]);
      return [...page.values()];
    },
    markers: (record) => record,
  };
}

describe('iterateSyncPages', () => {
  it('visits every marker once and per-record cursors never skip an unfinished record', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 9 }),
        async (owners, limit) => {
          // Marker i+1 belongs to record owners[i]: records interleave like changed products.
          const records: number[][] = [];
          owners.forEach((owner, i) => (records[owner] ??= []).push(i + 1));
          const filled = records.filter(Boolean);
          const seen: number[] = [];
          for await (const page of iterateSyncPages(source(filled, limit), { limit })) {
            const all = page.records.flatMap((r) => r.record);
            page.records.forEach((entry, i) => {
              // Everything below the resume cursor is in records 0..i of this page or earlier pages.
              const later = page.records.slice(i + 1).flatMap((r) => r.record);
              expect(later.every((m) => m >= entry.resumeSyncMarker)).toBe(true);
            });
            expect(page.nextSyncMarker).toBe(Math.max(...all) + 1);
            seen.push(...all);
          }
          expect(seen.sort((a, b) => a - b)).toEqual(owners.map((_, i) => i + 1));
        },
      ),
    );
  });

  it('fails instead of looping when the server does not advance', async () => {
    const stuck: SyncSource<number> = {
      operation: 'getRelations',
      fetch: async () => [1, 2],
      markers: (r) => [r],
    };
    const pages = iterateSyncPages(stuck, { syncMarker: 5, limit: 2 });
    const error = await pages.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MplusProtocolError);
    const text = error instanceof MplusProtocolError ? error.text : undefined;
    expect(text && runMessageText(text, 'nl')).toBe(
      'getRelations: syncMarker kwam niet voorbij 5; de server gaf records onder de gevraagde marker',
    );
  });
});
