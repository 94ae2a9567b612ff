import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeCatalog } from '../../../../shared/nodes/all-nodes';
import { toJsonSchema } from '../../../../shared/nodes/catalog';
import {
  downstreamTarget,
  inputSchemaOf,
  targetSchemaOf,
  upstreamKey,
  type GraphView,
} from './record-schemas';
import { edge, node, testCatalog } from './test-helpers';

const recordTypes = new Map(
  nodeCatalog
    .recordTypes()
    .map((type) => [type.id, { id: type.id, label: type.label, schema: toJsonSchema(type.schema) }] as const),
);

const view = (edges: GraphView['edges'], extraTypes: GraphView['recordTypes'] = recordTypes): GraphView => ({
  nodes: [
    node('start', 'core.trigger.manual'),
    node('orders', 'test.source.memory'),
    node('filter', 'core.transform.filter'),
    node('map', 'core.transform.map'),
    node('out', 'test.target.memory'),
  ],
  edges,
  catalog: testCatalog,
  recordTypes: extraTypes,
});

describe('record schemas along the flow', () => {
  const chain = [
    edge('start', 'orders'),
    edge('orders', 'filter'),
    edge('filter', 'map'),
    edge('map', 'out'),
  ];

  it('finds the input shape through pass-through nodes', () => {
    const schema = inputSchemaOf('map', view(chain));
    expect(Object.keys((schema?.properties ?? {}) as object)).toEqual(['id', 'orderNumber', 'email', 'sku']);
    expect(inputSchemaOf('orders', view(chain))?.properties).toHaveProperty('trigger');
    expect(inputSchemaOf('map', view([]))).toBeNull();
  });

  it('finds the downstream target and the shape it takes', () => {
    expect(downstreamTarget('filter', view(chain))?.id).toBe('out');
    expect(downstreamTarget('out', view(chain))).toBeUndefined();
    // The test target takes any record: no schema to map onto.
    expect(targetSchemaOf('map', view(chain))).toBeNull();
    const typed = new Map(recordTypes);
    typed.set('any', {
      id: 'any',
      label: { en: 'Any', nl: 'Elk' },
      schema: toJsonSchema(z.object({ total: z.number() })),
    });
    expect(targetSchemaOf('map', view(chain, typed))).toBeNull();
  });

  it('gives the typed input of a target as the mapping’s target shape', () => {
    const base = testCatalog.get('test.target.memory@1');
    if (!base) throw new Error('test target');
    const catalog = new Map(testCatalog);
    catalog.set('test.target.typed@1', {
      ...base,
      kind: 'test.target.typed',
      ref: 'test.target.typed@1',
      inputs: [{ id: 'in', label: { en: 'In', nl: 'In' }, recordType: 'test.record' }],
    });
    const typed: GraphView = {
      ...view([edge('map', 'typed')]),
      nodes: [node('map', 'core.transform.map'), node('typed', 'test.target.typed')],
      catalog,
    };
    expect(Object.keys((targetSchemaOf('map', typed)?.properties ?? {}) as object)).toContain('orderNumber');
  });

  it('keys a sample by the way to the node, ignoring the rest of the flow', () => {
    const before = upstreamKey('map', view(chain));
    expect(before).toContain('orders:test.source.memory:out>filter');
    expect(upstreamKey('map', view([...chain, edge('map', 'out')]))).toBe(before);
    expect(upstreamKey('map', view(chain.slice(1)))).not.toBe(before);
    expect(upstreamKey('map', view([]))).toBe('');
  });
});
