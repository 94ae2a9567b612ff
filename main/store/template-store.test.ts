import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateStore } from './template-store';

const shipped = new TemplateStore(path.join(__dirname, '..', '..', 'resources', 'templates'));

describe('the shipped templates in Dutch', () => {
  it('word every node of every template, and nothing else', () => {
    const templates = shipped.list();
    expect(templates.length).toBeGreaterThan(0);
    for (const template of templates) {
      const flow = template.flow;
      expect(flow, template.id).not.toBeNull();
      const wording = shipped.wording(template.id, 'nl');
      expect(wording, `${template.id}.nl.json`).toBeDefined();
      expect(Object.keys(wording?.nodes ?? {}).sort(), template.id).toEqual(
        (flow?.nodes ?? []).map((node) => node.id).sort(),
      );
      const dutch = shipped.get(template.id, 'nl');
      expect(dutch.name, template.id).not.toBe(flow?.name);
      // Only words change: the same nodes, kinds, configuration and edges.
      expect(dutch.nodes.map(({ label: _label, ...node }) => node)).toEqual(
        flow?.nodes.map(({ label: _label, ...node }) => node),
      );
      expect(dutch.edges).toEqual(flow?.edges);
    }
  });

  it('keep the template as it is in English, and when it has no words for the language', () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'koppel-templates-'));
    try {
      const source = path.join(
        __dirname,
        '..',
        '..',
        'resources',
        'templates',
        'stock-mplus-to-teamleader.flow.json',
      );
      fs.copyFileSync(source, path.join(dir, 'stock-mplus-to-teamleader.flow.json'));
      const store = new TemplateStore(dir);
      expect(store.get('stock-mplus-to-teamleader', 'nl')).toEqual(store.get('stock-mplus-to-teamleader'));
      expect(shipped.get('stock-mplus-to-teamleader', 'en').name).toBe(
        store.get('stock-mplus-to-teamleader').name,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
