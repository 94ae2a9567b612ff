import { PerformanceObserver } from 'node:perf_hooks';
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

/**
 * The young generation's largest size in MB (V8's "new space": two semi-spaces). Node 20's V8 stops
 * at 32; the V8 of Node 24, which the desktop app runs on (Electron 41), grows it to 128 during a
 * long run, and a 100,000-record run then peaked at ~330 MB instead of ~205 (engine README). Its
 * ceiling (`--max-semi-space-size`) is only read when the heap is made, and Electron takes V8 flags
 * for its main process from its own command line only; the growth factor is read at each growth.
 */
export const YOUNG_GENERATION_CAP_MB = 32;

let applied = false;

/**
 * Applies {@link HEAP_GROWING_PERCENT} and {@link YOUNG_GENERATION_CAP_MB} to this process (both
 * read by V8 as it goes). Once per process: every host that runs flows calls it.
 */
export function applyHeapPolicy(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (applied) return;
  applied = true;
  capYoungGeneration();
}

/** The young generation's size now, in MB. */
export function youngGenerationMb(): number {
  const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  return (newSpace?.space_size ?? 0) / (1024 * 1024);
}

/**
 * After each collection: at the cap, V8 grows the young generation by a factor of 1 (not at all);
 * below it (it starts small, and V8 shrinks it when a process idles) by V8's default 2. The flag is
 * the process's: the worker threads' young generations (a few MB each) stop growing with it.
 */
function capYoungGeneration(): void {
  let factor = 0;
  const check = () => {
    const wanted = youngGenerationMb() >= YOUNG_GENERATION_CAP_MB ? 1 : 2;
    if (wanted === factor) return;
    factor = wanted;
    v8.setFlagsFromString(`--semi-space-growth-factor=${wanted}`);
  };
  check();
  // Entries arrive after the collection, a turn of the event loop later: long before the next
  // growth, which needs more bytes to survive scavenges than the young generation holds.
  new PerformanceObserver(check).observe({ entryTypes: ['gc'] });
}
