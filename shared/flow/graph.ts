import type { FlowDocument, FlowEdge } from './flow-document';

/** Edges by node, for walking a flow. */
export interface FlowGraph {
  readonly outgoing: ReadonlyMap<string, readonly FlowEdge[]>;
  readonly incoming: ReadonlyMap<string, readonly FlowEdge[]>;
}

export function buildGraph(flow: Pick<FlowDocument, 'nodes' | 'edges'>): FlowGraph {
  const outgoing = new Map<string, FlowEdge[]>();
  const incoming = new Map<string, FlowEdge[]>();
  for (const node of flow.nodes) {
    outgoing.set(node.id, []);
    incoming.set(node.id, []);
  }
  for (const edge of flow.edges) {
    outgoing.get(edge.source)?.push(edge);
    incoming.get(edge.target)?.push(edge);
  }
  return { outgoing, incoming };
}

/**
 * The cycles of a flow, each as the edges that form it (Tarjan's strongly connected components;
 * a self-loop is a cycle of one edge). Empty for a valid flow.
 */
export function findCycles(flow: Pick<FlowDocument, 'nodes' | 'edges'>): FlowEdge[][] {
  const ids = flow.nodes.map((node) => node.id);
  const position = new Map(ids.map((id, i) => [id, i] as const));
  const next: number[][] = ids.map(() => []);
  for (const edge of flow.edges) {
    const from = position.get(edge.source);
    const to = position.get(edge.target);
    if (from !== undefined && to !== undefined) next[from]?.push(to);
  }
  const index = new Int32Array(ids.length).fill(-1);
  const low = new Int32Array(ids.length);
  const onStack = new Uint8Array(ids.length);
  const component = new Int32Array(ids.length).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;

  for (let root = 0; root < ids.length; root++) {
    if (index[root] !== -1) continue;
    // Iterative DFS, so a long chain of nodes cannot overflow the call stack.
    const work: [node: number, edge: number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1] as [number, number];
      const [node, edgeIndex] = frame;
      const targets = next[node] ?? [];
      if (edgeIndex < targets.length) {
        frame[1] += 1;
        const target = targets[edgeIndex] as number;
        if (index[target] === -1) {
          index[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          work.push([target, 0]);
        } else if (onStack[target]) {
          low[node] = Math.min(low[node] as number, index[target] as number);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[node] as number);
      if (low[node] === index[node]) {
        for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
          onStack[member] = 0;
          component[member] = components;
          if (member === node) break;
        }
        components++;
      }
    }
  }

  const byComponent = new Map<number, FlowEdge[]>();
  for (const edge of flow.edges) {
    const from = position.get(edge.source);
    const to = position.get(edge.target);
    if (from === undefined || to === undefined || component[from] !== component[to]) continue;
    const key = component[from] as number;
    byComponent.set(key, [...(byComponent.get(key) ?? []), edge]);
  }
  return [...byComponent.values()];
}

/** Node ids in an order where every edge points forward; nodes on cycles are left out. */
export function topologicalOrder(flow: Pick<FlowDocument, 'nodes' | 'edges'>): string[] {
  const graph = buildGraph(flow);
  const remaining = new Map<string, number>();
  for (const node of flow.nodes) {
    remaining.set(
      node.id,
      (graph.incoming.get(node.id) ?? []).filter((edge) => graph.outgoing.has(edge.source)).length,
    );
  }
  const ready = flow.nodes.filter((node) => remaining.get(node.id) === 0).map((node) => node.id);
  const order: string[] = [];
  for (let id = ready.shift(); id !== undefined; id = ready.shift()) {
    order.push(id);
    for (const edge of graph.outgoing.get(id) ?? []) {
      const left = (remaining.get(edge.target) ?? 0) - 1;
      remaining.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  return order;
}

/** Every node reachable from `start` (inclusive) following edges forward. */
export function reachableFrom(graph: FlowGraph, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return seen;
}
