import { FlowDocument, type FlowDocumentInput } from '../flow-document';

/**
 * A small valid flow (manual trigger → test source → map → test target) that tests start from and
 * change one thing at a time.
 */
export function sampleFlow(overrides: Partial<FlowDocumentInput> = {}): FlowDocument {
  return FlowDocument.parse({
    schemaVersion: 2,
    id: 'flow-1',
    name: 'Orders',
    nodes: [
      { id: 'start', kind: 'core.trigger.manual', version: 1, config: {} },
      { id: 'orders', kind: 'test.source.memory', version: 1, config: { entity: 'orders' } },
      {
        id: 'map',
        kind: 'core.transform.map',
        version: 1,
        config: { fields: [{ target: 'number', source: { kind: 'path', path: 'orderNumber' } }] },
      },
      { id: 'invoices', kind: 'test.target.memory', version: 1, config: { entity: 'invoices' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'out', target: 'orders', targetPort: 'in' },
      { id: 'e2', source: 'orders', sourcePort: 'out', target: 'map', targetPort: 'in' },
      { id: 'e3', source: 'map', sourcePort: 'out', target: 'invoices', targetPort: 'in' },
    ],
    ...overrides,
  });
}
