import { FlowDocument, type FlowDocumentInput, type FlowNode } from '../../../shared/flow/flow-document';

export interface MemoryFlowOptions {
  id?: string;
  name?: string;
  /** Nodes between source and target, in order (ids n1, n2, …, unless given). */
  transforms?: { kind: string; config: Record<string, unknown>; id?: string }[];
  sourceConfig?: Record<string, unknown>;
  targetConfig?: Record<string, unknown>;
  settings?: FlowDocumentInput['settings'];
  schedule?: FlowDocumentInput['schedule'];
}

/**
 * A flow over the in-memory test system: manual trigger → test source (`orders`) → transforms in
 * a chain → test target (`invoices`). Node ids: `start`, `source`, the transforms', `target`.
 */
export function memoryFlow(options: MemoryFlowOptions = {}): FlowDocument {
  const chain: Omit<FlowNode, 'position'>[] = [
    { id: 'start', kind: 'core.trigger.manual', version: 1, config: {} },
    {
      id: 'source',
      kind: 'test.source.memory',
      version: 1,
      config: { entity: 'orders', ...options.sourceConfig },
    },
    ...(options.transforms ?? []).map((transform, index) => ({
      id: transform.id ?? `n${index + 1}`,
      kind: transform.kind,
      version: 1,
      config: transform.config,
    })),
    {
      id: 'target',
      kind: 'test.target.memory',
      version: 1,
      config: { entity: 'invoices', ...options.targetConfig },
    },
  ];
  return FlowDocument.parse({
    schemaVersion: 2,
    id: options.id ?? 'memory-flow',
    name: options.name ?? 'Memory flow',
    nodes: chain.map((node, index) => ({ ...node, position: { x: index * 240, y: 0 } })),
    edges: chain.slice(1).map((node, index) => ({
      id: `e${index + 1}`,
      source: chain[index]?.id,
      sourcePort: 'out',
      target: node.id,
      targetPort: 'in',
    })),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
}

/** `count` orders with order numbers, e-mails and SKUs, ids `o1`…. */
export function sampleOrders(count: number, start = 1): Record<string, string | number>[] {
  return Array.from({ length: count }, (_, index) => {
    const n = start + index;
    return {
      id: `o${n}`,
      orderNumber: `ORD-${1000 + n}`,
      email: `customer${n}@example.com`,
      sku: String(40000 + n),
      amount: n * 10,
      country: n % 2 === 0 ? 'BE' : 'NL',
    };
  });
}
