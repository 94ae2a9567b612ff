import type { JsonValue } from '../../../../shared/flow/json';

/** How a line of one side compares with the other side at the same path. */
export type DiffKind = 'same' | 'added' | 'removed' | 'changed';

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
}

type Side = 'left' | 'right';

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
 * Containers present on both sides are walked; a leaf (or a container missing or of another
 * shape on the other side) is marked as a whole.
 */
function render(
  value: JsonValue,
  other: JsonValue | undefined,
  side: Side,
  path: string,
  depth: number,
  label: string,
  trailingComma: boolean,
  out: DiffLine[],
  changed: Set<string>,
): void {
  const comma = trailingComma ? ',' : '';
  const prefix = label === '' ? '' : `${JSON.stringify(label)}: `;
  const missing: DiffKind = side === 'left' ? 'removed' : 'added';
  if ((Array.isArray(value) || isObject(value)) && sameShape(value, other)) {
    const entries: [string, JsonValue][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      out.push({ path, depth, text: `${prefix}${open}${close}${comma}`, kind: 'same' });
      return;
    }
    out.push({ path, depth, text: `${prefix}${open}`, kind: 'same' });
    entries.forEach(([key, child], index) => {
      const childPath = `${path}/${escapeSegment(key)}`;
      const childLabel = Array.isArray(value) ? '' : key;
      render(
        child,
        childOf(other, key),
        side,
        childPath,
        depth + 1,
        childLabel,
        index < entries.length - 1,
        out,
        changed,
      );
    });
    out.push({ path, depth, text: `${close}${comma}`, kind: 'same' });
    return;
  }
  const kind: DiffKind = other === undefined ? missing : jsonEqual(value, other) ? 'same' : 'changed';
  if (kind !== 'same') changed.add(path || '/');
  const lines = JSON.stringify(value, null, 2).split('\n');
  lines.forEach((line, index) => {
    const text = `${index === 0 ? prefix : ''}${line}${index === lines.length - 1 ? comma : ''}`;
    // Inner lines keep the indentation JSON.stringify gave them, relative to this depth.
    out.push({ path, depth, text, kind });
  });
}

/**
 * A side-by-side diff of two JSON values: both pretty-printed, every line marked `same`, `added`
 * (only on the right), `removed` (only on the left) or `changed`. A missing side (null: not
 * recorded) gives no lines for that side and no changes.
 */
export function diffJson(left: JsonValue | null, right: JsonValue | null): JsonDiff {
  const changed = new Set<string>();
  const out = { left: [] as DiffLine[], right: [] as DiffLine[] };
  if (left !== null && right === null) render(left, left, 'left', '', 0, '', false, out.left, new Set());
  else if (left === null && right !== null)
    render(right, right, 'right', '', 0, '', false, out.right, new Set());
  else if (left !== null && right !== null) {
    render(left, right, 'left', '', 0, '', false, out.left, changed);
    render(right, left, 'right', '', 0, '', false, out.right, changed);
  }
  return { ...out, changedPaths: [...changed].sort() };
}
