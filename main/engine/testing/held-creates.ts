import type { MemorySystem } from './memory-system';

/**
 * Holds every write (`create`) to `system` until `abort` ends them as a cancelled call does (an
 * AbortError): for tests that cancel a run while its writes are under way. `holding` counts the
 * writes held so far.
 */
export function holdCreates(system: MemorySystem): { readonly holding: number; abort(): void } {
  let holding = 0;
  let reject: (error: Error) => void = () => undefined;
  const held = new Promise<void>((_resolve, fail) => (reject = fail));
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
    abort: () => reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })),
  };
}
