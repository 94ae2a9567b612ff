import { describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import type { EditorSample } from '../../shared/api/calls/editor';
import type { FlowDocument } from '../../shared/flow/flow-document';
import { sampleFlow } from '../../shared/flow/testing/sample-flow';
import { systemClock } from '../engine/clock';
import { staticConnections } from '../engine/connections';
import { MemorySystem } from '../engine/testing/memory-system';
import { createNodeRegistry } from '../nodes';
import { EditorTester, type StoredSourceRecord } from './editor-tester';
import { koppelRejectionOf } from '../../shared/api/testing/koppel-error-of';

/** A sample's reason in Dutch, from its code. */
const reasonNl = (sample: EditorSample) =>
  apiMessageIn({ message: sample.reason ?? '', text: sample.reasonText }, 'nl');

/** The sample flow with a filter of one condition between its source and its field mapper. */
function withFilter(condition: { path: string; operator: string; value: string }): FlowDocument {
  const flow = sampleFlow();
  flow.nodes.splice(2, 0, {
    id: 'filter',
    kind: 'core.transform.filter',
    version: 1,
    position: { x: 0, y: 0 },
    config: { match: 'all', conditions: [condition] },
  });
  flow.edges = [
    { id: 'e1', source: 'start', sourcePort: 'out', target: 'orders', targetPort: 'in' },
    { id: 'e2', source: 'orders', sourcePort: 'out', target: 'filter', targetPort: 'in' },
    { id: 'e3', source: 'filter', sourcePort: 'out', target: 'map', targetPort: 'in' },
    { id: 'e4', source: 'map', sourcePort: 'out', target: 'invoices', targetPort: 'in' },
  ];
  return flow;
}

function setup(stored: StoredSourceRecord[] = []) {
  const system = new MemorySystem();
  system.seed('orders', [
    { id: 'o-1', orderNumber: 'A-1001', email: 'ann@example.com', sku: 'SKU-1' },
    { id: 'o-2', orderNumber: 'A-1002', email: 'bob@example.com', sku: 'SKU-2' },
  ]);
  const tester = new EditorTester({
    registry: createNodeRegistry(),
    connections: staticConnections({ memory: system }),
    lastRunRecords: () => stored,
  });
  return { system, tester };
}

describe('editor tester', () => {
  it('samples a node’s input from the source connection, through the nodes before it', async () => {
    const { tester, system } = setup();
    const atMap = await tester.sample(sampleFlow(), 'map', 'auto');
    expect(atMap).toEqual({
      record: { id: 'o-1', orderNumber: 'A-1001', email: 'ann@example.com', sku: 'SKU-1' },
      origin: 'connection',
      key: 'memory:orders:o-1',
      sourceNodeId: 'orders',
      reason: null,
    });
    const atTarget = await tester.sample(sampleFlow(), 'invoices', 'connection');
    expect(atTarget.record).toEqual({ number: 'A-1001' });
    expect(system.calls.create + system.calls.update).toBe(0);
  });

  it('skips records a filter stops and says why when none gets through', async () => {
    const { tester } = setup();
    const flow = withFilter({ path: 'email', operator: 'startsWith', value: 'bob' });
    expect((await tester.sample(flow, 'map', 'connection')).record?.orderNumber).toBe('A-1002');
    const nobody = structuredClone(flow);
    const filter = nobody.nodes[2];
    if (filter)
      filter.config = { match: 'all', conditions: [{ path: 'email', operator: 'equals', value: 'x' }] };
    const sample = await tester.sample(nobody, 'map', 'connection');
    expect(sample.record).toBeNull();
    expect(sample.reason).toMatch(/None of the first 2 source records reaches this node/);
  });

  it('prefers the last run’s record in auto mode', async () => {
    const { tester } = setup([{ key: 'memory:orders:o-9', data: { id: 'o-9', orderNumber: 'OLD-9' } }]);
    const sample = await tester.sample(sampleFlow(), 'map', 'auto');
    expect(sample).toMatchObject({
      origin: 'lastRun',
      key: 'memory:orders:o-9',
      record: { orderNumber: 'OLD-9' },
    });
    expect((await tester.sample(sampleFlow(), 'map', 'connection')).origin).toBe('connection');
  });

  it('says what is missing for unconnected nodes and nodes without stored records', async () => {
    const { tester } = setup();
    expect((await tester.sample(sampleFlow({ edges: [] }), 'map', 'auto')).reason).toMatch(
      /Connect this node/,
    );
    expect((await tester.sample(sampleFlow(), 'map', 'lastRun')).reason).toMatch(/no stored records/);
    await expect(tester.sample(sampleFlow(), 'ghost', 'auto')).rejects.toThrow(/has no node "ghost"/);
  });

  it('tests a transform on a given record and a target without writing', async () => {
    const { tester, system } = setup();
    const mapped = await tester.testNode(sampleFlow(), 'map', { orderNumber: 'X-1' });
    expect(mapped.outcome).toEqual({
      kind: 'emit',
      outputs: [{ port: 'out', record: { number: 'X-1' }, createOnly: [] }],
    });
    const written = await tester.testNode(sampleFlow(), 'invoices');
    expect(written.input).toEqual({ number: 'A-1001' });
    expect(written.outcome).toMatchObject({
      kind: 'write',
      action: 'create',
      request: { number: 'A-1001', koppelReference: expect.stringContaining('flow-1') },
    });
    expect(system.list('invoices')).toEqual([]);
    const read = await tester.testNode(sampleFlow(), 'orders');
    expect(read.outcome.kind === 'emit' && read.outcome.outputs.map((out) => out.record.id)).toEqual([
      'o-1',
      'o-2',
    ]);
  });

  it('reports a node’s failure and invalid settings clearly', async () => {
    const { tester } = setup();
    const flow = sampleFlow();
    const map = flow.nodes[2];
    if (map)
      map.config = {
        fields: [
          {
            target: 'x',
            source: { kind: 'lookup', path: 'sku', table: [{ key: 'nope', value: 1 }], failIfMissing: true },
          },
        ],
      };
    const failed = await tester.testNode(flow, 'map', { sku: 'SKU-1' });
    expect(failed.outcome).toMatchObject({
      kind: 'fail',
      error: { message: expect.stringContaining('SKU-1') },
    });
    if (map) map.config = { fields: [{ target: '', source: { kind: 'path', path: 'a' } }] };
    await expect(tester.testNode(flow, 'map', {})).rejects.toThrow(/field "Fields › row 1 › target"/);
  });

  it('says in Dutch too why no sample reaches a node, and what stopped it on its way', async () => {
    const { tester } = setup();
    const unconnected = await tester.sample(sampleFlow({ edges: [] }), 'map', 'auto');
    expect(unconnected.reasonText?.code).toBe('sampleNotConnected');
    expect(reasonNl(unconnected)).toBe(
      'Verbind deze node eerst met een trigger of een bron: er komt nog niets bij aan.',
    );
    expect(reasonNl(await tester.sample(sampleFlow(), 'map', 'lastRun'))).toBe(
      'Deze flow heeft nog geen opgeslagen records: start hem, of lees een voorbeeld uit de koppeling.',
    );

    const flow = withFilter({ path: 'email', operator: 'equals', value: 'x' });
    const filtered = await tester.sample(flow, 'map', 'connection');
    expect(filtered.reason).toMatch(
      /^None of the first 2 source records reaches this node: core\.transform\.filter skipped it: /,
    );
    // The filter's skip reason in its own Dutch words, inside the Dutch sentence.
    expect(reasonNl(filtered)).toMatch(
      /^Geen van de eerste 2 bronrecords bereikt deze node: core\.transform\.filter sloeg het over: weggefilterd: .*email/,
    );
    expect(reasonNl(filtered)).not.toMatch(/skipped|equals/);

    const failing = sampleFlow();
    const map = failing.nodes[2];
    if (map) map.label = 'Prices';
    if (map)
      map.config = {
        fields: [
          {
            target: 'x',
            source: { kind: 'lookup', path: 'sku', table: [{ key: 'nope', value: 1 }], failIfMissing: true },
          },
        ],
      };
    const failed = await tester.sample(failing, 'invoices', 'connection');
    expect(failed.reason).toBe(
      'None of the first 2 source records reaches this node: Prices failed it: "sku" is "SKU-2", which is not in the lookup table (for "x")..',
    );
    expect(reasonNl(failed)).toBe(
      'Geen van de eerste 2 bronrecords bereikt deze node: Prices gaf een fout: "sku" is "SKU-2", en dat staat niet in de opzoektabel (voor "x")..',
    );
  });

  it('words its failures in Dutch too: no such node, an unknown kind, settings that do not parse, a test too slow', async () => {
    const { tester, system } = setup();
    const ghost = await koppelRejectionOf(tester.sample(sampleFlow(), 'ghost', 'auto'));
    expect(ghost).toMatchObject({ code: 'not_found', message: 'Flow "Orders" has no node "ghost".' });
    expect(apiMessageIn(ghost, 'nl')).toBe('Flow "Orders" heeft geen node "ghost".');

    const flow = sampleFlow();
    const map = flow.nodes[2];
    if (map) map.config = { fields: [{ target: '', source: { kind: 'path', path: 'a' } }] };
    const emptyTarget = await koppelRejectionOf(tester.testNode(flow, 'map', {}));
    expect(emptyTarget.message).toBe(
      'Node "Map fields" (map), field "Fields › row 1 › target": Choose a target field. Fix its settings first.',
    );
    expect(apiMessageIn(emptyTarget, 'nl')).toBe(
      'Node "Velden koppelen" (map), veld "Velden › rij 1 › target": Kies een doelveld. Pas eerst de instellingen aan.',
    );
    if (map) map.config = { fields: 'all of them' };
    // zod's own words for a wrong type, in Dutch.
    expect(apiMessageIn(await koppelRejectionOf(tester.testNode(flow, 'map', {})), 'nl')).toBe(
      'Node "Velden koppelen" (map), veld "Velden": Ongeldige invoer: verwacht array, ontving string. Pas eerst de instellingen aan.',
    );
    if (map) Object.assign(map, { kind: 'core.transform.gone', label: 'Old step' });
    const unknown = await koppelRejectionOf(tester.testNode(flow, 'map', {}));
    expect(unknown.message).toBe('Node "Old step" (map) has the unknown kind core.transform.gone@1.');
    expect(apiMessageIn(unknown, 'nl')).toBe(
      'Node "Old step" (map) heeft het onbekende type core.transform.gone@1.',
    );

    // The time limit runs out at once; the source's first read fails transiently, so the retry's
    // wait is what the timeout interrupts.
    const hasty = new EditorTester({
      registry: createNodeRegistry(),
      connections: staticConnections({ memory: system }),
      lastRunRecords: () => [],
      clock: { ...systemClock, setTimer: (_ms, callback) => systemClock.setTimer(0, callback) },
      timeoutMs: 5000,
    });
    system.hooks.before = () => {
      throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' });
    };
    const slow = await koppelRejectionOf(hasty.sample(sampleFlow(), 'map', 'connection'));
    expect(slow).toMatchObject({
      code: 'unavailable',
      message: 'The test took longer than 5 s and was stopped.',
    });
    expect(apiMessageIn(slow, 'nl')).toBe('De test duurde langer dan 5 s en is gestopt.');
  });
});
