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
 * The palette: the newest visible version of each kind, grouped by category (trigger → source →
 * transform → target) and within it by system, alphabetical by label; empty groups left out.
 */
export function groupPalette(
  entries: readonly CatalogEntry[],
  search: string,
  language: Language,
): PaletteGroup[] {
  const visible = entries.filter(
    (entry) => entry.latest && !entry.hidden && !entry.deprecated && matchesSearch(entry, search, language),
  );
  return categoryOrder
    .map((category) => ({
      category,
      systems: systemOrder
        .map((system) => ({
          system,
          entries: visible
            .filter((entry) => entry.category === category && entry.system === system)
            .sort((a, b) => a.label[language].localeCompare(b.label[language], language)),
        }))
        .filter((group) => group.entries.length > 0),
    }))
    .filter((group) => group.systems.length > 0);
}
