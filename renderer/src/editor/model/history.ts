/**
 * Undo/redo as a pure value: a list of past states, the present one and the undone ones. Edits
 * that arrive in quick succession under the same key (typing in one field, nudging one node)
 * merge into one step, so one undo takes back the whole burst.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Key and time of the last recorded edit, for merging bursts. */
  readonly lastKey: string | null;
  readonly lastAt: number;
}

export interface RecordOptions {
  /** Edits with the same key within `mergeWithinMs` merge into one step. */
  key?: string;
  at?: number;
  mergeWithinMs?: number;
  /** Steps kept; the oldest are dropped. */
  limit?: number;
}

export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

/** Records `next` as the new present; the undone steps are gone. */
export function recordStep<T>(history: History<T>, next: T, options: RecordOptions = {}): History<T> {
  const at = options.at ?? Date.now();
  const key = options.key ?? null;
  const merge =
    key !== null &&
    key === history.lastKey &&
    at - history.lastAt <= (options.mergeWithinMs ?? 1000) &&
    history.future.length === 0;
  if (merge) return { ...history, present: next, lastAt: at };
  const limit = options.limit ?? HISTORY_LIMIT;
  const past = [...history.past, history.present];
  return {
    past: past.length > limit ? past.slice(past.length - limit) : past,
    present: next,
    future: [],
    lastKey: key,
    lastAt: at,
  };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}

export function undoStep<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
    lastAt: 0,
  };
}

export function redoStep<T>(history: History<T>): History<T> {
  const next = history.future[0];
  if (next === undefined) return history;
  return {
    past: [...history.past, history.present],
    present: next,
    future: history.future.slice(1),
    lastKey: null,
    lastAt: 0,
  };
}
