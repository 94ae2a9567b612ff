/**
 * Whether every field `wanted` sets already has that value in `current`: numbers to the cent,
 * text trimmed, lists and objects as JSON. Targets use it to leave records alone that a write would
 * not change (an empty write still bumps a change marker, which a flow the other way reads back).
 */
export function sameValues(wanted: object, current: object, ignore: readonly string[] = []): boolean {
  for (const [key, value] of Object.entries(wanted)) {
    if (value === undefined || ignore.includes(key)) continue;
    if (!sameValue(value, Reflect.get(current, key))) return false;
  }
  return true;
}

export function sameValue(wanted: unknown, current: unknown): boolean {
  if (typeof wanted === 'number') return typeof current === 'number' && Math.abs(wanted - current) < 0.005;
  if (typeof wanted === 'string')
    return (typeof current === 'string' ? current : '').trim() === wanted.trim();
  if (typeof wanted === 'boolean') return wanted === (current ?? false);
  return JSON.stringify(wanted) === JSON.stringify(current ?? null);
}
