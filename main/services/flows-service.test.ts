import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import type { CallName, CallOutput } from '../../shared/api/contract';
import { memoryFlow } from '../engine/testing/memory-flow';
import { appFixture, type AppFixture } from '../engine/testing/app-fixture';
import { testWaiting } from '../store/testing';

const fixtures: AppFixture[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.cleanup();
});

async function setup(options?: Parameters<typeof appFixture>[0]) {
  const fixture = await appFixture(options);
  fixtures.push(fixture);
  const call = async <K extends CallName>(name: K, input: unknown): Promise<CallOutput<K>> => {
    const result = await fixture.app.dispatch(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.output as CallOutput<K>;
  };
  const failure = async (name: CallName, input: unknown) => {
    const result = await fixture.app.dispatch(name, input);
    if (result.ok) throw new Error(`${name} should have failed`);
    return result.error;
  };
  return { ...fixture, call, failure };
}

describe('flows.*', () => {
  it('saves, lists, gets and deletes flows, with problems per node', async () => {
    const { call } = await setup();
    const flow = memoryFlow({ id: 'orders', name: 'Orders' });
    const saved = await call('flows.save', { flow });
    expect(saved.flow.revision).toBe(1);
    expect(saved.problems).toEqual([]);
    const { flows } = await call('flows.list', {});
    expect(flows).toEqual([
      expect.objectContaining({
        id: 'orders',
        name: 'Orders',
        nodeCount: 3,
        errors: 0,
        lastRun: null,
        running: false,
      }),
    ]);
    expect((await call('flows.get', { id: 'orders' })).flow.revision).toBe(1);

    const broken = {
      ...saved.flow,
      nodes: saved.flow.nodes.filter((node) => node.id !== 'target'),
      edges: saved.flow.edges.slice(0, 1),
    };
    const draft = await call('flows.save', { flow: broken });
    expect(draft.problems.find((problem) => problem.code === 'source.noTarget')?.nodeId).toBe('source');
    expect(await call('flows.delete', { id: 'orders' })).toEqual({ deleted: true });
    expect((await call('flows.list', {})).flows).toEqual([]);
  });

  it('lets the records of a deleted flow stop waiting, and only those', async () => {
    const { call, app } = await setup();
    await call('flows.save', { flow: memoryFlow({ id: 'status', name: 'Status' }) });
    const { store } = app.ctx.sync;
    const writer = store.writer('run-1', { total: 0, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
    const at = Date.now();
    writer.putWaiting(testWaiting('inv-1', { flowId: 'status', nodeId: 'source', at }));
    writer.putWaiting(testWaiting('inv-2', { flowId: 'other', nodeId: 'source', at }));
    await writer.commit();
    expect(await call('flows.delete', { id: 'status' })).toEqual({ deleted: true });
    expect(store.waiting.list().map((record) => [record.flowId, record.itemKey])).toEqual([
      ['other', 'teamleader:invoice:inv-2'],
    ]);
  });

  it('refuses to overwrite a change made elsewhere', async () => {
    const { call, failure } = await setup();
    const first = await call('flows.save', { flow: memoryFlow({ id: 'f' }) });
    await call('flows.save', { flow: { ...first.flow, name: 'Changed in another window' } });
    const error = await failure('flows.save', { flow: { ...first.flow, name: 'Stale' } });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/changed elsewhere \(stored revision 2, yours 1\)/);
  });

  it('does not bring back a flow deleted elsewhere unless asked to', async () => {
    const { call, failure } = await setup();
    const first = await call('flows.save', { flow: memoryFlow({ id: 'f', name: 'Orders' }) });
    await call('flows.delete', { id: 'f' });
    const stale = await failure('flows.save', { flow: { ...first.flow, description: 'Mine' } });
    expect(stale).toMatchObject({
      code: 'conflict',
      message:
        'Flow "Orders" was deleted elsewhere after it was opened. Save it again to keep it, or leave it deleted.',
      text: { code: 'flowDeletedElsewhere' },
    });
    expect(apiMessageIn(stale, 'nl')).toMatch(/^Flow "Orders" is elders verwijderd/);
    expect((await call('flows.list', {})).flows).toEqual([]);
    // Saved again on purpose (as a new flow: revision 0), it is back under its own id.
    const again = await call('flows.save', { flow: { ...first.flow, description: 'Mine', revision: 0 } });
    expect(again.flow).toMatchObject({ id: 'f', revision: 1, description: 'Mine' });
  });

  it('saves a stale version as a new flow beside the one saved elsewhere', async () => {
    const { call } = await setup();
    const first = await call('flows.save', { flow: memoryFlow({ id: 'f', name: 'Orders' }) });
    await call('flows.save', { flow: { ...first.flow, name: 'Renamed elsewhere', enabled: true } });
    const mine = {
      ...first.flow,
      enabled: true,
      description: 'My edit',
      nodes: first.flow.nodes.map((node) => (node.id === 'source' ? { ...node, label: 'Mine' } : node)),
    };
    const copy = await call('flows.saveCopy', { flow: mine });
    // The document sent, under a copy's name, new and disabled (a copy never runs by itself).
    expect(copy.flow).toMatchObject({
      name: 'Orders (copy)',
      description: 'My edit',
      enabled: false,
      revision: 1,
    });
    expect(copy.flow.id).not.toBe('f');
    expect(copy.flow.nodes.find((node) => node.id === 'source')?.label).toBe('Mine');
    // The other version is as it was saved.
    expect((await call('flows.get', { id: 'f' })).flow).toMatchObject({
      name: 'Renamed elsewhere',
      revision: 2,
    });
    expect((await call('flows.saveCopy', { flow: mine, name: 'Orders, mine' })).flow.name).toBe(
      'Orders, mine',
    );
    await call('settings.update', { language: 'nl' });
    expect((await call('flows.saveCopy', { flow: mine })).flow.name).toBe('Orders (kopie)');
    expect((await call('flows.list', {})).flows).toHaveLength(4);
  });

  it('tells the windows of a long-lived host what was saved or deleted, here or by another process', async () => {
    const host = await setup({ scheduler: true });
    const changes: unknown[] = [];
    host.app.ctx.bus.on('flows.changed', (event) => changes.push(...event.changes));
    const saved = await host.call('flows.save', { flow: memoryFlow({ id: 'f', name: 'Orders' }) });
    // This process's own save: at once, before its answer.
    expect(changes).toEqual([{ id: 'f', name: 'Orders', revision: 1 }]);

    // `koppel` on the same data folder (a process of its own, which tells nobody).
    const other = await setup({ dataDir: host.dataDir });
    const cliChanges: unknown[] = [];
    other.app.ctx.bus.on('flows.changed', (event) => cliChanges.push(...event.changes));
    await other.call('flows.setEnabled', { id: 'f', enabled: true });
    await vi.waitFor(() => expect(changes).toHaveLength(2), { timeout: 4000 });
    expect(changes[1]).toEqual({ id: 'f', name: 'Orders', revision: 2 });
    await other.call('flows.delete', { id: saved.flow.id });
    await vi.waitFor(() => expect(changes).toHaveLength(3), { timeout: 4000 });
    expect(changes[2]).toEqual({ id: 'f', name: 'Orders', revision: null });
    expect(cliChanges).toEqual([]);
  });

  it('duplicates, exports and imports (older schema versions too)', async () => {
    const { call } = await setup();
    await call('flows.save', { flow: memoryFlow({ id: 'orig', name: 'Original' }) });
    const copy = await call('flows.duplicate', { id: 'orig' });
    expect(copy.flow).toMatchObject({ name: 'Original (copy)', enabled: false, revision: 1 });
    expect(copy.flow.id).not.toBe('orig');

    const exported = await call('flows.export', { id: 'orig' });
    expect(exported.fileName).toBe('original.flow.json');
    const again = await call('flows.import', { json: exported.json });
    expect(again.flow.id).not.toBe('orig');
    // A copy beside the original is named so, in the UI's language.
    expect(again.flow.name).toBe('Original (copy)');
    await call('settings.update', { language: 'nl' });
    expect((await call('flows.duplicate', { id: 'orig' })).flow.name).toBe('Original (kopie)');
    expect((await call('flows.import', { json: exported.json })).flow.name).toBe('Original (kopie)');
    const replaced = await call('flows.import', { json: exported.json, replace: true });
    expect(replaced.flow).toMatchObject({ id: 'orig', revision: 2 });

    const legacy = {
      version: 1,
      id: 'legacy',
      title: 'Legacy',
      steps: [{ id: 'go', type: 'core.trigger.manual@1' }],
      links: [],
    };
    const imported = await call('flows.import', { json: JSON.stringify(legacy) });
    expect(imported.flow).toMatchObject({ id: 'legacy', name: 'Legacy', schemaVersion: 2 });
  });

  it('validates any document and explains one that is not a flow', async () => {
    const { call } = await setup();
    const valid = await call('flows.validate', { flow: memoryFlow() });
    expect(valid.problems).toEqual([]);
    const invalid = await call('flows.validate', { flow: { schemaVersion: 2, id: 'x' } });
    expect(invalid).toMatchObject({ flow: null, problems: [{ code: 'flow.invalidDocument' }] });
    expect(invalid.problems[0]?.message).toMatch(/name/);
  });

  it('creates blank flows and flows from templates; lists templates (none is fine)', async () => {
    const templatesDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'koppel-templates-'));
    const { call, failure } = await setup({ templatesDir });
    expect(await call('templates.list', {})).toEqual({ templates: [] });
    fs.writeFileSync(
      path.join(templatesDir, 'memory-orders.flow.json'),
      JSON.stringify({
        ...memoryFlow({ id: 'memory-orders', name: 'Memory orders' }),
        description: 'A test template',
      }),
    );
    fs.writeFileSync(path.join(templatesDir, 'broken.flow.json'), '{ nope');
    const { templates } = await call('templates.list', {});
    expect(templates.map((template) => [template.id, template.name, template.problems.length])).toEqual([
      ['broken', 'broken', 1],
      ['memory-orders', 'Memory orders', 0],
    ]);
    const fromTemplate = await call('flows.create', { templateId: 'memory-orders' });
    expect(fromTemplate.flow).toMatchObject({ name: 'Memory orders', enabled: false });
    expect(fromTemplate.flow.id).not.toBe('memory-orders');
    const blank = await call('flows.create', { name: 'Empty' });
    expect(blank.flow.nodes.map((node) => node.kind)).toEqual(['core.trigger.manual']);

    // In Dutch, a flow from a template takes the template's Dutch words where it has them.
    fs.writeFileSync(
      path.join(templatesDir, 'memory-orders.nl.json'),
      JSON.stringify({ name: 'Geheugenorders', description: 'Een testsjabloon', nodes: { target: 'Doel' } }),
    );
    await call('settings.update', { language: 'nl' });
    const dutch = await call('flows.create', { templateId: 'memory-orders' });
    expect(dutch.flow).toMatchObject({ name: 'Geheugenorders', description: 'Een testsjabloon' });
    expect(dutch.flow.nodes.find((node) => node.id === 'target')?.label).toBe('Doel');
    // The template list has the same words for the new-flow dialog, in each language.
    const listed = (await call('templates.list', {})).templates.find((entry) => entry.id === 'memory-orders');
    expect(listed?.words).toEqual({
      en: { name: 'Memory orders', description: 'A test template' },
      nl: { name: 'Geheugenorders', description: 'Een testsjabloon' },
    });
    // Nodes without Dutch words keep the template's.
    const source = fromTemplate.flow.nodes.find((node) => node.id === 'source');
    expect(dutch.flow.nodes.find((node) => node.id === 'source')?.label).toBe(source?.label);
    expect((await call('flows.create', { templateId: 'memory-orders', name: 'Mijn flow' })).flow.name).toBe(
      'Mijn flow',
    );
    // Words that do not fit say which file.
    fs.writeFileSync(path.join(templatesDir, 'memory-orders.nl.json'), JSON.stringify({ name: '' }));
    expect((await failure('flows.create', { templateId: 'memory-orders' })).message).toMatch(
      /memory-orders\.nl\.json/,
    );
    fs.rmSync(templatesDir, { recursive: true, force: true });
  });

  it('says why a flow cannot be had, saved or imported, in Dutch too', async () => {
    const { call, failure } = await setup();
    const missing = await failure('flows.get', { id: 'ghost' });
    expect(missing).toMatchObject({ code: 'not_found', message: 'There is no flow with id ghost.' });
    expect(apiMessageIn(missing, 'nl')).toBe('Er is geen flow met id ghost.');

    const first = await call('flows.save', { flow: memoryFlow({ id: 'f', name: 'Orders' }) });
    await call('flows.save', { flow: first.flow });
    const stale = await failure('flows.save', { flow: first.flow });
    expect(stale).toMatchObject({ code: 'conflict', text: { code: 'flowChangedElsewhere' } });
    expect(apiMessageIn(stale, 'nl')).toBe(
      'Flow "Orders" is elders gewijzigd (opgeslagen revisie 2, de uwe 1). Laad hem opnieuw, of sla uw versie op als kopie.',
    );

    const notJson = await failure('flows.import', { json: '{ nope' });
    expect(notJson.code).toBe('invalid_input');
    // Where the parser stopped, as a line and column (Node 20 names only the offset).
    expect(notJson.message).toMatch(/^The file is not JSON: .+ \(line 1 column 3\)$/);
    // The parser's own words stay as they came, in a Dutch sentence.
    expect(apiMessageIn(notJson, 'nl')).toBe(
      notJson.message.replace('The file is not JSON: ', 'Het bestand is geen JSON: '),
    );

    const nameless = await failure('flows.import', { json: JSON.stringify({ schemaVersion: 2, id: 'x' }) });
    expect(nameless).toMatchObject({
      code: 'invalid_flow',
      message: 'The flow is not a valid flow document: name: Missing: this field is required.',
      text: { code: 'flowDocumentInvalid' },
    });
    // zod's own words for the issue, in Dutch.
    expect(apiMessageIn(nameless, 'nl')).toBe(
      'De flow is geen geldig flowdocument: name: Ontbreekt: dit veld is verplicht.',
    );
    const newer = await failure('flows.import', { json: JSON.stringify({ schemaVersion: 99, id: 'x' }) });
    expect(newer.message).toBe(
      'This flow was written by a newer Koppel (schema 99; this version reads up to 2).',
    );
    expect(apiMessageIn(newer, 'nl')).toBe(
      'Deze flow is gemaakt met een nieuwere Koppel (schema 99; deze versie leest tot en met 2).',
    );
    // A migration step's own complaint reads in Dutch too.
    const legacy = { version: 1, id: 'l', steps: [], trigger: { every: 'soon' } };
    const trigger = await failure('flows.import', { json: JSON.stringify(legacy) });
    expect(trigger.message).toBe('Version-1 trigger "every: soon" is not like "15m", "2h" or "1d".');
    expect(apiMessageIn(trigger, 'nl')).toBe(
      'Versie-1-trigger "every: soon" lijkt niet op "15m", "2h" of "1d".',
    );
  });

  it('lists the catalogue as JSON Schema, hidden test kinds only on request', async () => {
    const { call } = await setup();
    const { nodes, recordTypes } = await call('catalog.list', {});
    expect(nodes.some((node) => node.kind === 'core.transform.map')).toBe(true);
    expect(nodes.some((node) => node.hidden)).toBe(false);
    expect(
      (await call('catalog.list', { includeHidden: true })).nodes.some(
        (node) => node.kind === 'test.source.memory',
      ),
    ).toBe(true);
    expect(recordTypes.find((type) => type.id === 'trigger')?.schema).toMatchObject({ type: 'object' });
  });

  it('enables a schedule and says when it runs next', async () => {
    const { call } = await setup();
    const flow = {
      ...memoryFlow({ id: 'sched' }),
      schedule: { kind: 'interval' as const, everyMinutes: 30, timezone: 'Europe/Amsterdam' },
    };
    await call('flows.save', { flow });
    const enabled = await call('flows.setEnabled', { id: 'sched', enabled: true });
    expect(enabled.flow.enabled).toBe(true);
    const [summary] = (await call('flows.list', {})).flows;
    expect(Date.parse(summary?.nextRunAt ?? '') - Date.now()).toBeGreaterThan(29 * 60_000);
  });
});
