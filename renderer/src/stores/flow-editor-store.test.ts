import { beforeEach, describe, expect, it } from 'vitest';
import { sampleFlow } from '../../../shared/flow/testing/sample-flow';
import { nodeCatalog } from '../../../shared/nodes/all-nodes';
import { toJsonSchema } from '../../../shared/nodes/catalog';
import type { CatalogEntry } from '../../../shared/nodes/catalog';
import { defaultSettings } from '../../../shared/settings/settings';
import { useFlowEditorStore } from './flow-editor-store';
import { useSettingsStore } from './settings-store';

const entries = nodeCatalog.toEntries();
const entry = (ref: string): CatalogEntry => {
  const found = entries.find((candidate) => candidate.ref === ref);
  if (!found) throw new Error(ref);
  return found;
};
const store = () => useFlowEditorStore.getState();
const nameOf = (node: { id: string }) => node.id;

describe('flow editor store', () => {
  beforeEach(() =>
    store().load(sampleFlow(), {
      entries,
      recordTypes: nodeCatalog
        .recordTypes()
        .map((type) => ({ id: type.id, label: type.label, schema: toJsonSchema(type.schema) })),
    }),
  );

  it('loads a flow clean, with its problems computed', () => {
    expect(store().nodes).toHaveLength(4);
    expect(store().dirty).toBe(false);
    expect(store().problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(store().document()).toEqual(sampleFlow());
  });

  it('adds a node unconfigured and marks the flow dirty; undo makes it clean again', () => {
    const id = store().addNode(entry('core.transform.filter@1'), { x: 100.6, y: 50 });
    const added = store().nodes.find((node) => node.id === id);
    expect(added).toMatchObject({
      position: { x: 101, y: 50 },
      selected: true,
      data: { config: { match: 'all', conditions: [] } },
    });
    expect(store().dirty).toBe(true);
    expect(store().problems.some((p) => p.nodeId === id && p.code === 'node.config')).toBe(true);
    store().undo();
    expect(store().nodes.some((node) => node.id === id)).toBe(false);
    expect(store().dirty).toBe(false);
    store().redo();
    expect(store().nodes.some((node) => node.id === id)).toBe(true);
  });

  it('connects compatible ports and refuses the rest without changing anything', () => {
    const filter = store().addNode(entry('core.transform.filter@1'), { x: 0, y: 0 });
    expect(
      store().connect({ source: 'map', sourceHandle: 'out', target: filter, targetHandle: 'in' }, nameOf),
    ).toEqual({ ok: true });
    const edges = store().edges.length;
    const refused = store().connect(
      { source: filter, sourceHandle: 'out', target: 'orders', targetHandle: 'in' },
      nameOf,
    );
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'cycle' } });
    expect(store().edges).toHaveLength(edges);
  });

  it('removing a node removes its edges, in one undo step', () => {
    store().onNodesChange([{ type: 'remove', id: 'map' }]);
    expect(store().edges.map((edge) => edge.id)).toEqual(['e1']);
    store().undo();
    expect(store().edges.map((edge) => edge.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('selection and in-drag moves are not edits; the drop is one step', () => {
    store().onNodesChange([{ type: 'select', id: 'map', selected: true }]);
    expect(store().dirty).toBe(false);
    store().onNodesChange([{ type: 'position', id: 'map', position: { x: 10, y: 10 }, dragging: true }]);
    expect(store().history?.past).toHaveLength(0);
    store().onNodesChange([{ type: 'position', id: 'map', position: { x: 20, y: 10 }, dragging: false }]);
    expect(store().history?.past).toHaveLength(1);
    expect(store().dirty).toBe(true);
  });

  it('typing into one field undoes as one step', () => {
    for (const code of ['r', 're', 'ret'])
      store().setNodeConfig('map', { fields: [], code }, 'config:map:code');
    store().undo();
    expect(store().nodes.find((node) => node.id === 'map')?.data.config).toEqual(
      sampleFlow().nodes[2]?.config,
    );
  });

  it('copies and pastes the selection with fresh ids and the edges between them', () => {
    store().select(['orders', 'map']);
    const payload = store().copy();
    if (!payload) throw new Error('copied');
    store().paste(payload);
    const pasted = store().nodes.filter((node) => node.selected);
    expect(pasted).toHaveLength(2);
    expect(pasted.every((node) => !['orders', 'map'].includes(node.id))).toBe(true);
    const ids = new Set(pasted.map((node) => node.id));
    expect(store().edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target))).toHaveLength(1);
    store().deleteSelected();
    expect(store().nodes).toHaveLength(4);
  });

  it('tidies the layout left to right and saving makes the state clean', () => {
    store().tidy();
    const x = (id: string) => store().nodes.find((node) => node.id === id)?.position.x ?? NaN;
    expect(x('start')).toBeLessThan(x('orders'));
    expect(x('map')).toBeLessThan(x('invoices'));
    expect(store().dirty).toBe(true);
    const current = store().document();
    if (!current) throw new Error('loaded');
    store().markSaved({ ...current, revision: 1 });
    expect(store().dirty).toBe(false);
    expect(store().meta?.revision).toBe(1);
  });

  it('marks a node whose connection is not in the settings, and follows the settings as they change', () => {
    const settings = defaultSettings();
    useSettingsStore.setState({ settings });
    try {
      const flow = sampleFlow();
      const orders = flow.nodes.find((node) => node.id === 'orders');
      if (orders) Object.assign(orders, { kind: 'mplus.source.sales', config: { connectionId: 'shop-2' } });
      store().load(flow, { entries, recordTypes: [] });
      const connectionProblems = () => store().problems.filter((p) => p.code === 'node.connection');
      expect(connectionProblems()).toEqual([
        expect.objectContaining({
          nodeId: 'orders',
          field: 'connectionId',
          message: expect.stringContaining(
            'there is no connection "shop-2" (known: sandbox-teamleader, sandbox-mplus).',
          ),
        }),
      ]);
      // The connection set up in another window: the settings change, the problem goes.
      useSettingsStore.setState({
        settings: {
          ...settings,
          connections: [
            {
              id: 'shop-2',
              name: 'Shop 2',
              kind: 'mplus',
              mode: 'live',
              status: 'connected',
              createdAt: '2026-11-30T10:00:00.000Z',
              config: { host: 'api.example.com', port: 44281, url: 'https://api.example.com:44281/' },
            },
          ],
        },
      });
      expect(connectionProblems()).toEqual([]);
    } finally {
      useSettingsStore.setState({ settings: null });
    }
  });

  it('renames a node and clears the label when emptied', () => {
    store().renameNode('map', 'Invoice fields');
    expect(store().document()?.nodes[2]?.label).toBe('Invoice fields');
    store().renameNode('map', ' ');
    expect(store().document()?.nodes[2]?.label).toBeUndefined();
  });
});
