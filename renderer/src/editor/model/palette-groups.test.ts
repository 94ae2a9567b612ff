import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '../../../../shared/nodes/all-nodes';
import { groupPalette, matchesSearch } from './palette-groups';

const entries = nodeCatalog.toEntries();

describe('palette groups', () => {
  it('groups visible kinds by category in flow order, hiding test kinds', () => {
    const groups = groupPalette(entries, '', 'en');
    expect(groups.map((group) => group.category)).toEqual(['trigger', 'source', 'transform', 'target']);
    const transform = groups.find((group) => group.category === 'transform');
    expect(transform?.systems.map((system) => system.system)).toEqual(['core', 'teamleader', 'mplus']);
    const labels = transform?.systems[0]?.entries.map((entry) => entry.label.en);
    expect(labels).toEqual([...(labels ?? [])].sort((a, b) => a.localeCompare(b, 'en')));
    expect(groups.flatMap((g) => g.systems.flatMap((s) => s.entries)).some((e) => e.hidden)).toBe(false);
  });

  it('searches labels in the chosen language, ignoring case and accents', () => {
    const labels = (search: string, language: 'en' | 'nl') =>
      groupPalette(entries, search, language).flatMap((g) =>
        g.systems.flatMap((s) => s.entries.map((e) => e.kind)),
      );
    expect(labels('MAP fields', 'en')).toEqual(['core.transform.map']);
    expect(labels('mpluskassa orders or invoices', 'en')).toContain('mplus.source.sales');
    expect(labels('opzoek', 'nl')).toEqual(['core.transform.lookup']);
    expect(labels('nothing matches this', 'en')).toEqual([]);
    const code = entries.find((entry) => entry.kind === 'core.transform.code');
    if (!code) throw new Error('code node');
    expect(matchesSearch(code, 'core.transform', 'en')).toBe(true);
  });

  it('puts the best match first while searching: the label itself, then its start, a word, the rest', () => {
    const kinds = (search: string, language: 'en' | 'nl') =>
      groupPalette(entries, search, language).flatMap((g) =>
        g.systems.flatMap((s) => s.entries.map((e) => e.kind)),
      );
    // "Code" is also in the description of the sources that read a product code.
    const code = kinds('Code', 'nl');
    expect(code[0]).toBe('core.transform.code');
    expect(code.length).toBeGreaterThan(1);
    expect(kinds('code', 'en')[0]).toBe('core.transform.code');
    // A word of a label before a mention in a description.
    expect(kinds('controleren', 'nl')[0]).toBe('core.transform.validate');
    // Without a search, flow order and labels alphabetical, as before.
    expect(groupPalette(entries, '', 'en').map((group) => group.category)).toEqual([
      'trigger',
      'source',
      'transform',
      'target',
    ]);
  });
});
