import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../../../shared/nodes/all-nodes';
import { groupPalette, matchesSearch } from './palette-groups';

const entries = nodeCatalog.toEntries();

describe('palette groups', () => {
  it('groups visible kinds by category in flow order, hiding test kinds', () => {
    const groups = groupPalette(entries, '', 'en');
    expect(groups.map((group) => group.category)).toEqual(['trigger', 'transform']);
    const transforms = groups[1]?.systems[0]?.entries.map((entry) => entry.label.en);
    expect(transforms).toEqual([...(transforms ?? [])].sort());
    expect(groups.flatMap((g) => g.systems.flatMap((s) => s.entries)).some((e) => e.hidden)).toBe(false);
  });

  it('searches labels in the chosen language, ignoring case and accents', () => {
    const labels = (search: string, language: 'en' | 'nl') =>
      groupPalette(entries, search, language).flatMap((g) =>
        g.systems.flatMap((s) => s.entries.map((e) => e.kind)),
      );
    expect(labels('MAP', 'en')).toEqual(['core.transform.map']);
    expect(labels('opzoek', 'nl')).toEqual(['core.transform.lookup']);
    expect(labels('nothing matches this', 'en')).toEqual([]);
    const code = entries.find((entry) => entry.kind === 'core.transform.code');
    if (!code) throw new Error('code node');
    expect(matchesSearch(code, 'core.transform', 'en')).toBe(true);
  });
});
