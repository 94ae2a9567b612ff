import type { MemorySystem } from './memory-system';

/**
 * Holds every write (`create`) to `system` until `release` lets them go on, or `abort` ends them
 * as a cancelled call does (an AbortError): for tests that look at, or cancel, a run while its
 * writes are under way. `holding` counts the writes held so far.
 */
export function holdCreates(system: MemorySystem): {
  readonly holding: number;
  release(): void;
  abort(): void;
} {
  let holding = 0;
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const held = new Promise<void>((go, fail) => {
    resolve = go;
    reject = fail;
  });
  // Nobody may be waiting when the test ends early; the rejection is the test's to observe, not Node's.
  held.catch(() => undefined);
  system.hooks.before = (operation) => {
    if (operation !== 'create') return undefined;
    holding++;
    return held;
  };
  return {
    get holding() {
      return holding;
    },
    release: () => resolve(),
    abort: () => reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })),
  };
}
