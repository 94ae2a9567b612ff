import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent.
 * V8's own choice goes up to 300% when collections are cheap, and a run makes them cheap: its
 * records die young but live through a few scavenges while they wait for a commit, so they are
 * promoted and pile up as garbage. A 100,000-record run (20 MB live) grew the heap to 130 MB and
 * the process to 250 MB, against 170 MB for 10,000 records; at 50% it stays at ~180 MB for both,
 * at no measurable cost in records/s (bench/engine.ts, `--heap default` for V8's own choice).
 * Koppel shares an office PC with the till software: a flat footprint is worth a few more
 * collections of a small heap.
 */
export const HEAP_GROWING_PERCENT = 50;

/** Applies {@link HEAP_GROWING_PERCENT} to this process (read by V8 at each collection). */
export function applyHeapPolicy(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
