import type { NodeCatalog } from '../nodes/catalog';
import type { AnyNodeDefinition, RecordTypeRef } from '../nodes/node-definition';
import { recordTypesCompatible } from '../nodes/record-types';
import type { FlowDocument, FlowNode } from './flow-document';
import type { FlowProblem } from './flow-problem';
import { buildGraph, findCycles, reachableFrom, topologicalOrder } from './graph';

export interface ValidateFlowOptions {
  /** Checks a cron expression in a time zone; returns a message when it is invalid (croner lives in main). */
  checkCron?: (cron: string, timezone: string) => string | undefined;
}

/**
 * Everything wrong with a flow, as data the editor marks on nodes and edges and the command line
 * prints: unknown kinds or versions, config that does not parse (per field), dangling or
 * mistyped edges, cycles, missing triggers, sources whose records go nowhere, a bad schedule.
 * Each message names the flow, the node and the field.
 */
export function validateFlow(
  flow: FlowDocument,
  catalog: NodeCatalog,
  options: ValidateFlowOptions = {},
): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const flowName = `Flow "${flow.name}"`;
  const nodesById = new Map<string, FlowNode>();
  const definitions = new Map<string, AnyNodeDefinition>();
  const add = (problem: FlowProblem) => problems.push(problem);
  const nodeName = (node: FlowNode) =>
    `node "${node.label ?? definitions.get(node.id)?.label.en ?? node.kind}" (${node.id})`;

  if (flow.nodes.length === 0) {
    add({
      severity: 'error',
      code: 'flow.empty',
      message: `${flowName} has no nodes: add a trigger, a source and a target.`,
    });
  }

  for (const node of flow.nodes) {
    if (nodesById.has(node.id)) {
      add({
        severity: 'error',
        code: 'node.duplicateId',
        nodeId: node.id,
        message: `${flowName}: two nodes have the id "${node.id}".`,
      });
      continue;
    }
    nodesById.set(node.id, node);
    const definition = catalog.get(node.kind, node.version);
    if (!definition) {
      const versions = catalog.versions(node.kind);
      add(
        versions.length === 0
          ? {
              severity: 'error',
              code: 'node.unknownKind',
              nodeId: node.id,
              message: `${flowName}: ${nodeName(node)} has the unknown kind "${node.kind}".`,
            }
          : {
              severity: 'error',
              code: 'node.unknownVersion',
              nodeId: node.id,
              message: `${flowName}: ${nodeName(node)}: ${node.kind} has no version ${node.version} (known: ${versions.join(', ')}).`,
            },
      );
      continue;
    }
    definitions.set(node.id, definition);
    if (definition.deprecated) {
      const latest = catalog.latest(node.kind);
      add({
        severity: 'warning',
        code: 'node.deprecated',
        nodeId: node.id,
        message: `${flowName}: ${nodeName(node)} uses ${node.kind}@${node.version}, which is deprecated${latest ? `; version ${latest.version} is current` : ''}.`,
      });
    }
    const parsed = definition.config.safeParse(node.config);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.');
        add({
          severity: 'error',
          code: 'node.config',
          nodeId: node.id,
          ...(field ? { field } : {}),
          message: `${flowName}: ${nodeName(node)}${field ? `, field "${field}"` : ''}: ${issue.message}`,
        });
      }
    }
  }

  const edgeIds = new Set<string>();
  const edgeKeys = new Set<string>();
  const validEdges = flow.edges.filter((edge) => {
    if (edgeIds.has(edge.id)) {
      add({
        severity: 'error',
        code: 'edge.duplicateId',
        edgeId: edge.id,
        message: `${flowName}: two edges have the id "${edge.id}".`,
      });
      return false;
    }
    edgeIds.add(edge.id);
    const source = nodesById.get(edge.source);
    const target = nodesById.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      add({
        severity: 'error',
        code: 'edge.dangling',
        edgeId: edge.id,
        ...(source ? { nodeId: source.id } : target ? { nodeId: target.id } : {}),
        message: `${flowName}: edge ${edge.id} points to node "${missing}", which is not in the flow.`,
      });
      return false;
    }
    const sourceDef = definitions.get(source.id);
    const targetDef = definitions.get(target.id);
    if (sourceDef && !sourceDef.outputs.some((port) => port.id === edge.sourcePort)) {
      add({
        severity: 'error',
        code: 'edge.unknownPort',
        edgeId: edge.id,
        nodeId: source.id,
        message: `${flowName}: ${nodeName(source)} has no output "${edge.sourcePort}" (it has ${listPorts(sourceDef.outputs)}).`,
      });
      return false;
    }
    if (targetDef && !targetDef.inputs.some((port) => port.id === edge.targetPort)) {
      add({
        severity: 'error',
        code: 'edge.unknownPort',
        edgeId: edge.id,
        nodeId: target.id,
        message: `${flowName}: ${nodeName(target)} has no input "${edge.targetPort}" (it has ${listPorts(targetDef.inputs)}).`,
      });
      return false;
    }
    const key = `${edge.source}:${edge.sourcePort}->${edge.target}:${edge.targetPort}`;
    if (edgeKeys.has(key)) {
      add({
        severity: 'warning',
        code: 'edge.duplicate',
        edgeId: edge.id,
        message: `${flowName}: edge ${edge.id} repeats another edge; records would pass twice.`,
      });
      return false;
    }
    edgeKeys.add(key);
    return true;
  });

  const graphFlow = { nodes: [...nodesById.values()], edges: validEdges };
  const cycles = findCycles(graphFlow);
  for (const cycle of cycles) {
    const names = [...new Set(cycle.map((edge) => edge.source))].map((id) => {
      const node = nodesById.get(id);
      return node ? nodeName(node) : id;
    });
    for (const edge of cycle) {
      add({
        severity: 'error',
        code: 'graph.cycle',
        edgeId: edge.id,
        nodeId: edge.source,
        message: `${flowName}: records would go round in circles between ${names.join(', ')}.`,
      });
    }
  }

  checkPortTypes(graphFlow, definitions, nodesById, nodeName, flowName, add);
  checkStructure(flow, graphFlow, definitions, nodeName, flowName, add);
  checkSchedule(flow, definitions, flowName, options, add);
  return problems;
}

function listPorts(ports: readonly { id: string }[]): string {
  return ports.length === 0 ? 'none' : ports.map((port) => `"${port.id}"`).join(', ');
}

type Add = (problem: FlowProblem) => void;
type GraphFlow = Pick<FlowDocument, 'nodes' | 'edges'>;

/** Resolves `$input` outputs along the flow and compares each edge's types. */
function checkPortTypes(
  flow: GraphFlow,
  definitions: Map<string, AnyNodeDefinition>,
  nodesById: Map<string, FlowNode>,
  nodeName: (node: FlowNode) => string,
  flowName: string,
  add: Add,
): void {
  const graph = buildGraph(flow);
  const inputType = new Map<string, RecordTypeRef>();
  for (const id of topologicalOrder(flow)) {
    const definition = definitions.get(id);
    if (!definition) continue;
    for (const edge of graph.outgoing.get(id) ?? []) {
      const port = definition.outputs.find((output) => output.id === edge.sourcePort);
      const targetDef = definitions.get(edge.target);
      const targetPort = targetDef?.inputs.find((input) => input.id === edge.targetPort);
      if (!port || !targetPort) continue;
      const carried = port.recordType === '$input' ? (inputType.get(id) ?? 'any') : port.recordType;
      if (!recordTypesCompatible(carried, targetPort.recordType)) {
        const source = nodesById.get(id);
        const target = nodesById.get(edge.target);
        add({
          severity: 'error',
          code: 'edge.portType',
          edgeId: edge.id,
          nodeId: edge.target,
          message: `${flowName}: ${source ? nodeName(source) : id} sends "${carried}" records, but ${target ? nodeName(target) : edge.target} expects "${targetPort.recordType}".`,
        });
      } else if (!inputType.has(edge.target) || inputType.get(edge.target) === 'any') {
        inputType.set(edge.target, carried);
      }
    }
  }
}

/** Triggers, unconnected inputs, unreachable nodes and sources whose records reach no target. */
function checkStructure(
  flow: FlowDocument,
  graphFlow: GraphFlow,
  definitions: Map<string, AnyNodeDefinition>,
  nodeName: (node: FlowNode) => string,
  flowName: string,
  add: Add,
): void {
  const graph = buildGraph(graphFlow);
  const triggers = graphFlow.nodes.filter((node) => definitions.get(node.id)?.category === 'trigger');
  if (flow.nodes.length > 0 && triggers.length === 0) {
    add({
      severity: 'error',
      code: 'flow.noTrigger',
      message: `${flowName} has no trigger: add "Run by hand" or "On a schedule".`,
    });
  }
  const reachable = new Set<string>();
  for (const trigger of triggers) for (const id of reachableFrom(graph, trigger.id)) reachable.add(id);

  for (const node of graphFlow.nodes) {
    const definition = definitions.get(node.id);
    if (!definition) continue;
    const incoming = graph.incoming.get(node.id) ?? [];
    if (definition.inputs.length > 0 && incoming.length === 0) {
      add({
        severity: 'error',
        code: 'node.notConnected',
        nodeId: node.id,
        message: `${flowName}: ${nodeName(node)} has nothing connected to its input.`,
      });
    } else if (definition.category !== 'trigger' && !reachable.has(node.id) && triggers.length > 0) {
      add({
        severity: 'warning',
        code: 'node.unreachable',
        nodeId: node.id,
        message: `${flowName}: ${nodeName(node)} is not reached from any trigger, so it never runs.`,
      });
    }
    if (definition.category === 'source') {
      const downstream = reachableFrom(graph, node.id);
      const leadsToTarget = [...downstream].some((id) => definitions.get(id)?.category === 'target');
      if (!leadsToTarget) {
        add({
          severity: 'error',
          code: 'source.noTarget',
          nodeId: node.id,
          message: `${flowName}: ${nodeName(node)} does not lead to any target, so its records would go nowhere.`,
        });
      }
    }
  }
}

function checkSchedule(
  flow: FlowDocument,
  definitions: Map<string, AnyNodeDefinition>,
  flowName: string,
  options: ValidateFlowOptions,
  add: Add,
): void {
  const scheduleNodes = flow.nodes.filter(
    (node) => definitions.get(node.id)?.kind === 'core.trigger.schedule',
  );
  const schedule = flow.schedule;
  if (schedule.kind === 'manual') {
    for (const node of scheduleNodes) {
      add({
        severity: 'warning',
        code: 'schedule.manual',
        nodeId: node.id,
        message: `${flowName}: the flow has a schedule trigger but its schedule is "by hand"; set an interval or a cron expression.`,
      });
    }
    return;
  }
  if (!isTimeZone(schedule.timezone)) {
    add({
      severity: 'error',
      code: 'schedule.timezone',
      field: 'schedule.timezone',
      message: `${flowName}: "${schedule.timezone}" is not a time zone (e.g. Europe/Amsterdam).`,
    });
  } else if (schedule.kind === 'cron' && options.checkCron) {
    const message = options.checkCron(schedule.cron, schedule.timezone);
    if (message) {
      add({
        severity: 'error',
        code: 'schedule.cron',
        field: 'schedule.cron',
        message: `${flowName}: cron "${schedule.cron}": ${message}`,
      });
    }
  }
  if (scheduleNodes.length === 0 && flow.enabled) {
    add({
      severity: 'warning',
      code: 'schedule.noTrigger',
      message: `${flowName} runs on a schedule but has no "On a schedule" trigger; scheduled runs start at its other triggers.`,
    });
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
