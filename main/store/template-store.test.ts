import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { memoryFlow } from '../engine/testing/memory-flow';
import { TemplateStore } from './template-store';
import { koppelErrorOf } from '../../shared/api/testing/koppel-error-of';

const shipped = new TemplateStore(path.join(__dirname, '..', '..', 'resources', 'templates'));

describe('the shipped templates in Dutch', () => {
  it('word every named node of every template, and nothing else', () => {
    const templates = shipped.list();
    expect(templates.length).toBeGreaterThan(0);
    for (const template of templates) {
      const flow = template.flow;
      expect(flow, template.id).not.toBeNull();
      const wording = shipped.wording(template.id, 'nl');
      expect(wording, `${template.id}.nl.json`).toBeDefined();
      expect(Object.keys(wording?.nodes ?? {}).sort(), template.id).toEqual(
        // A node without a name is named by what it is (a schedule trigger by the schedule).
        (flow?.nodes ?? [])
          .filter((node) => node.label !== undefined)
          .map((node) => node.id)
          .sort(),
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

describe('a template that cannot be had', () => {
  it('says so in each language: missing, not JSON, not a flow, words that do not fit', () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'koppel-templates-'));
    try {
      const store = new TemplateStore(dir);
      const missing = koppelErrorOf(() => store.get('ghost'));
      expect(missing).toMatchObject({ code: 'not_found', message: 'There is no template "ghost".' });
      expect(apiMessageIn(missing, 'nl')).toBe('Er is geen sjabloon "ghost".');
      expect(
        apiMessageIn(
          koppelErrorOf(() => store.get('../etc')),
          'nl',
        ),
      ).toBe('Er is geen sjabloon "../etc".');

      const broken = path.join(dir, 'broken.flow.json');
      fs.writeFileSync(broken, '{ nope');
      const notJson = koppelErrorOf(() => store.get('broken'));
      expect(notJson.code).toBe('invalid_flow');
      expect(notJson.message.startsWith(`Template broken (${broken}): `)).toBe(true);
      // JSON's own words stay as they came.
      expect(apiMessageIn(notJson, 'nl')).toBe(
        notJson.message.replace(`Template broken (${broken}): `, `Sjabloon broken (${broken}): `),
      );
      expect(store.list().find((template) => template.id === 'broken')?.error).toBe(notJson.message);

      const nameless = path.join(dir, 'nameless.flow.json');
      fs.writeFileSync(nameless, JSON.stringify({ ...memoryFlow({ id: 'nameless' }), name: undefined }));
      const invalid = koppelErrorOf(() => store.get('nameless'));
      expect(invalid.message).toBe(
        `Template nameless (${nameless}): The flow is not a valid flow document: name: Missing: this field is required.`,
      );
      expect(apiMessageIn(invalid, 'nl')).toBe(
        `Sjabloon nameless (${nameless}): De flow is geen geldig flowdocument: name: Ontbreekt: dit veld is verplicht.`,
      );

      fs.writeFileSync(path.join(dir, 'orders.flow.json'), JSON.stringify(memoryFlow({ id: 'orders' })));
      const words = path.join(dir, 'orders.nl.json');
      fs.writeFileSync(words, JSON.stringify({ name: 'Orders' }));
      const unfit = koppelErrorOf(() => store.get('orders', 'nl'));
      expect(unfit.message.startsWith(`Template orders (${words}): `)).toBe(true);
      expect(apiMessageIn(unfit, 'nl').startsWith(`Sjabloon orders (${words}): `)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
