import type { TargetWrite } from '../../../engine/executor';

/**
 * What `prepare` builds for a write, kept for its `send` (the same write object, also across
 * retries): built once, so what is sent is exactly the request the item stores. A build that
 * failed is not kept.
 */
export function perWrite<T>(build: (write: TargetWrite) => Promise<T>): (write: TargetWrite) => Promise<T> {
  const built = new WeakMap<TargetWrite, Promise<T>>();
  return (write) => {
    let value = built.get(write);
    if (!value) {
      value = build(write);
      built.set(write, value);
      value.catch(() => built.delete(write));
    }
    return value;
  };
}
