import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { nodeCatalog, nodeDefinitions } from './all-nodes';
import { NodeCatalog } from './catalog';
import { kindRef } from './node-definition';
import { UiHint } from './ui-hints';

describe('node catalogue', () => {
  it('has one definition per kind@version', () => {
    const refs = nodeDefinitions.map((definition) => kindRef(definition.kind, definition.version));
    expect(new Set(refs).size).toBe(refs.length);
    expect(() => new NodeCatalog([...nodeDefinitions, ...nodeDefinitions.slice(0, 1)])).toThrow(
      /defined twice/,
    );
  });

  it.each(
    nodeDefinitions.map((definition) => [kindRef(definition.kind, definition.version), definition] as const),
  )('%s documents every config field in English and Dutch', (_ref, definition) => {
    for (const [name, fieldSchema] of Object.entries(definition.config.shape)) {
      const meta = z.globalRegistry.get(fieldSchema as z.ZodType);
      expect(meta?.title, `${name} has a title`).toBeTruthy();
      const hint = UiHint.parse(meta?.ui);
      expect(hint.nl?.title, `${name} has a Dutch title`).toBeTruthy();
    }
    expect(definition.label.nl).toBeTruthy();
    expect(definition.icon).toMatch(/^[a-z0-9-]+$/);
    // A new node's config has the config's shape even when it still needs filling in.
    expect(typeof definition.defaultConfig).toBe('object');
  });

  it('serialises to JSON-safe entries with JSON Schema configs and hints', () => {
    const entries = nodeCatalog.toEntries();
    expect(JSON.parse(JSON.stringify(entries))).toEqual(entries);
    const map = entries.find((entry) => entry.ref === 'core.transform.map@1');
    const properties = map?.configSchema.properties as Record<
      string,
      { title?: string; ui?: { widget?: string } }
    >;
    expect(properties.fields?.title).toBe('Fields');
    expect(properties.fields?.ui?.widget).toBe('mapping');
    const code = entries.find((entry) => entry.ref === 'core.transform.code@1');
    const codeProps = code?.configSchema.properties as Record<
      string,
      { ui?: { widget?: string; language?: string } }
    >;
    expect(codeProps.code?.ui).toMatchObject({ widget: 'code', language: 'javascript' });
    expect(entries.every((entry) => entry.latest)).toBe(true);
  });

  it('keeps hidden test kinds out of the palette list', () => {
    const visible = nodeCatalog.list().map((definition) => definition.kind);
    expect(visible).not.toContain('test.source.memory');
    expect(nodeCatalog.list({ includeHidden: true }).map((definition) => definition.kind)).toContain(
      'test.source.memory',
    );
  });

  it('finds the latest version and lists versions', () => {
    const v1 = nodeCatalog.get('core.transform.map', 1);
    if (!v1) throw new Error('core.transform.map@1 is missing');
    const extended = nodeCatalog.extend([{ ...v1, version: 2 }]);
    expect(extended.versions('core.transform.map')).toEqual([1, 2]);
    expect(extended.latest('core.transform.map')?.version).toBe(2);
    expect(extended.toEntries().find((entry) => entry.ref === 'core.transform.map@1')?.latest).toBe(false);
  });
});
