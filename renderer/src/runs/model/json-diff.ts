import type { JsonValue } from '../../../../shared/flow/json';

/**
 * How a line of one side compares with the other side: at the same path the value is the `same`
 * or `changed`; a path only one side has is `added` (right) or `removed` (left), unless its value
 * is found elsewhere on the other side (`moved`: a mapping renamed the field, not a difference).
 */
export type DiffKind = 'same' | 'moved' | 'added' | 'removed' | 'changed';

/** One line of pretty-printed JSON, tagged with the path it shows (`/lines/0/sku`). */
export interface DiffLine {
  path: string;
  depth: number;
  text: string;
  kind: DiffKind;
}

export interface JsonDiff {
  left: DiffLine[];
  right: DiffLine[];
  /** Paths whose leaf value differs, was added or was removed. */
  changedPaths: string[];
  /** Leaves per kind of difference (the left side's `removed`, the right side's `added`). */
  counts: { changed: number; added: number; removed: number };
  /**
   * The right side's leaves: `carried` from the left (the same at its path, or found elsewhere),
   * or `fresh`. Across shapes (a record and the API request made of it) this says more than the
   * counts, which call every field of the record not sent "left out".
   */
  rightLeaves: { carried: number; fresh: number };
}

type Side = 'left' | 'right';

/** A leaf value as it can be recognised elsewhere: strings of 2+ characters and numbers (true, 0, '' are too common). */
function valueKey(value: JsonValue): string | null {
  if (typeof value === 'string') return value.length >= 2 ? `s:${value}` : null;
  if (typeof value === 'number') return `n:${value}`;
  return null;
}

function leafValues(value: JsonValue, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => leafValues(item, into));
  else if (typeof value === 'object' && value !== null)
    Object.values(value).forEach((item) => leafValues(item, into));
  else {
    const key = valueKey(value);
    if (key) into.add(key);
  }
  return into;
}

interface RenderContext {
  side: Side;
  /** Leaf values of the other side, to tell a moved value from a new one. */
  otherValues: ReadonlySet<string>;
  out: DiffLine[];
  changed: Set<string>;
  counts: JsonDiff['counts'];
  rightLeaves: JsonDiff['rightLeaves'];
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childOf(value: JsonValue | undefined, key: string): JsonValue | undefined {
  if (Array.isArray(value)) {
    const index = Number(key);
    return Number.isInteger(index) ? value[index] : undefined;
  }
  if (isObject(value)) return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  return undefined;
}

function escapeSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Whether two values are equal as JSON (object key order does not matter). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => jsonEqual(a[key], childOf(b, key)));
  }
  return false;
}

function sameShape(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return (Array.isArray(a) && Array.isArray(b)) || (isObject(a) && isObject(b));
}

/**
 * Renders one side as JSON lines, comparing each with the other side's value at the same path.
 * Containers present on both sides (or only on this one) are walked, so each leaf is judged on
 * its own; a leaf, or a container of another shape on the other side, is marked as a whole.
 */
function render(
  value: JsonValue,
  other: JsonValue | undefined,
  path: string,
  depth: number,
  label: string,
  trailingComma: boolean,
  ctx: RenderContext,
): void {
  const comma = trailingComma ? ',' : '';
  const prefix = label === '' ? '' : `${JSON.stringify(label)}: `;
  if ((Array.isArray(value) || isObject(value)) && (other === undefined || sameShape(value, other))) {
    const entries: [string, JsonValue][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      ctx.out.push({ path, depth, text: `${prefix}${open}${close}${comma}`, kind: 'same' });
      return;
    }
    ctx.out.push({ path, depth, text: `${prefix}${open}`, kind: 'same' });
    entries.forEach(([key, child], index) => {
      render(
        child,
        childOf(other, key),
        `${path}/${escapeSegment(key)}`,
        depth + 1,
        Array.isArray(value) ? '' : key,
        index < entries.length - 1,
        ctx,
      );
    });
    ctx.out.push({ path, depth, text: `${close}${comma}`, kind: 'same' });
    return;
  }
  let kind: DiffKind;
  if (other !== undefined) kind = jsonEqual(value, other) ? 'same' : 'changed';
  else {
    const key = valueKey(value);
    kind = key && ctx.otherValues.has(key) ? 'moved' : ctx.side === 'left' ? 'removed' : 'added';
  }
  if (ctx.side === 'right') {
    if (kind === 'same' || kind === 'moved') ctx.rightLeaves.carried++;
    else ctx.rightLeaves.fresh++;
  }
  if (kind !== 'same' && kind !== 'moved') {
    ctx.changed.add(path || '/');
    // A changed leaf shows on both sides; count it once (from the left).
    if (kind !== 'changed' || ctx.side === 'left') ctx.counts[kind]++;
  }
  const lines = JSON.stringify(value, null, 2).split('\n');
  lines.forEach((line, index) => {
    const text = `${index === 0 ? prefix : ''}${line}${index === lines.length - 1 ? comma : ''}`;
    // Inner lines keep the indentation JSON.stringify gave them, relative to this depth.
    ctx.out.push({ path, depth, text, kind });
  });
}

/**
 * A side-by-side diff of two JSON values: both pretty-printed, every line marked `same`, `added`
 * (only on the right), `removed` (only on the left) or `changed`. A missing side (null: not
 * recorded) gives no lines for that side and no changes.
 */
export function diffJson(left: JsonValue | null, right: JsonValue | null): JsonDiff {
  const changed = new Set<string>();
  const counts = { changed: 0, added: 0, removed: 0 };
  const rightLeaves = { carried: 0, fresh: 0 };
  const lines = { left: [] as DiffLine[], right: [] as DiffLine[] };
  const alone = (value: JsonValue, side: Side) =>
    render(value, value, '', 0, '', false, {
      side,
      otherValues: new Set(),
      out: lines[side],
      changed: new Set(),
      counts: { changed: 0, added: 0, removed: 0 },
      rightLeaves: { carried: 0, fresh: 0 },
    });
  if (left !== null && right === null) alone(left, 'left');
  else if (left === null && right !== null) alone(right, 'right');
  else if (left !== null && right !== null) {
    const leftValues = leafValues(left);
    const rightValues = leafValues(right);
    const shared = { changed, counts, rightLeaves };
    render(left, right, '', 0, '', false, {
      side: 'left',
      otherValues: rightValues,
      out: lines.left,
      ...shared,
    });
    render(right, left, '', 0, '', false, {
      side: 'right',
      otherValues: leftValues,
      out: lines.right,
      ...shared,
    });
  }
  return { ...lines, changedPaths: [...changed].sort(), counts, rightLeaves };
}
