import type { CatalogEntry } from '../../../../shared/nodes/catalog';

/** Catalogue entries by `kind@version`, the way nodes refer to them. */
export type CatalogIndex = ReadonlyMap<string, CatalogEntry>;

export function indexCatalog(entries: readonly CatalogEntry[]): CatalogIndex {
  return new Map(entries.map((entry) => [entry.ref, entry] as const));
}

export function entryOf(
  index: CatalogIndex,
  node: { kind: string; version: number },
): CatalogEntry | undefined {
  return index.get(`${node.kind}@${node.version}`);
}
