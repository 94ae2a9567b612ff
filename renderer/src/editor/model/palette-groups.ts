import type { CatalogEntry } from '../../../../shared/nodes/catalog';
import type { NodeCategory, NodeSystem } from '../../../../shared/nodes/node-definition';

export type Language = 'en' | 'nl';

export const categoryOrder: readonly NodeCategory[] = ['trigger', 'source', 'transform', 'target'];
export const systemOrder: readonly NodeSystem[] = ['core', 'teamleader', 'mplus'];

export interface PaletteSystemGroup {
  system: NodeSystem;
  entries: CatalogEntry[];
}

export interface PaletteGroup {
  category: NodeCategory;
  systems: PaletteSystemGroup[];
}

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Whether an entry matches every word of the search, in its label, description or kind. */
export function matchesSearch(entry: CatalogEntry, search: string, language: Language): boolean {
  const words = normalise(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalise(
    [entry.label[language], entry.label.en, entry.description[language], entry.kind].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

/**
 * How well an entry's label answers the search (lower is better): the label itself, the label's
 * start, a word of it, anywhere in it, else only the description or kind (5). "Code" thus puts the
 * Code node before the sources whose description mentions a product code.
 */
export function searchRank(entry: CatalogEntry, search: string, language: Language): number {
  const wanted = normalise(search).trim().replace(/\s+/g, ' ');
  if (wanted === '') return 0;
  const label = normalise(entry.label[language]);
  if (label === wanted) return 0;
  if (label.startsWith(wanted)) return 1;
  if (label.split(/[\s\-→/()]+/).some((word) => word.startsWith(wanted))) return 2;
  if (label.includes(wanted)) return 3;
  return normalise(entry.label.en).includes(wanted) ? 4 : 5;
}

/**
 * The palette: the newest visible version of each kind, grouped by category (trigger → source →
 * transform → target) and within it by system, alphabetical by label; empty groups left out.
 * While searching, the best match comes first: groups and entries are ordered by how well their
 * labels answer the search (see {@link searchRank}), then as above.
 */
export function groupPalette(
  entries: readonly CatalogEntry[],
  search: string,
  language: Language,
): PaletteGroup[] {
  const visible = entries.filter(
    (entry) => entry.latest && !entry.hidden && !entry.deprecated && matchesSearch(entry, search, language),
  );
  const rank = new Map(visible.map((entry) => [entry.ref, searchRank(entry, search, language)]));
  const rankOf = (entry: CatalogEntry) => rank.get(entry.ref) ?? 5;
  const best = (list: readonly CatalogEntry[]) => Math.min(...list.map(rankOf));
  const groups = categoryOrder
    .map((category) => ({
      category,
      systems: systemOrder
        .map((system) => ({
          system,
          entries: visible
            .filter((entry) => entry.category === category && entry.system === system)
            .sort(
              (a, b) => rankOf(a) - rankOf(b) || a.label[language].localeCompare(b.label[language], language),
            ),
        }))
        .filter((group) => group.entries.length > 0),
    }))
    .filter((group) => group.systems.length > 0);
  // Sorting is stable: equal ranks keep the flow order of categories and systems.
  for (const group of groups) group.systems.sort((a, b) => best(a.entries) - best(b.entries));
  return groups.sort(
    (a, b) =>
      best(a.systems.flatMap((system) => system.entries)) -
      best(b.systems.flatMap((system) => system.entries)),
  );
}
