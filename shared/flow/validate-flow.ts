import type { NodeCatalog } from '../nodes/catalog';
import type {
  AnyNodeDefinition,
  ConnectionKind,
  NodeConfigWarning,
  RecordTypeRef,
} from '../nodes/node-definition';
import type { ScriptForm, ScriptSyntaxError } from '../nodes/scripts';
import { recordTypesCompatible } from '../nodes/record-types';
import type { FlowDocument, FlowNode } from './flow-document';
import { englishProblem, problemMessage, type FlowProblem } from './flow-problem';
import { buildGraph, findCycles, reachableFrom, topologicalOrder } from './graph';
import { issueWords } from './issue-words';
import type { CodedText, TextLanguage } from './wording';
import { unknownSettings } from './unknown-settings';
import { namedField } from './field-words';

export interface ValidateFlowOptions {
  /** Checks a cron expression in a time zone; returns a message when it is invalid (croner lives in main). */
  checkCron?: (cron: string, timezone: string) => string | undefined;
  /** Finds a syntax error in a node's JavaScript (the parser is the host's: see scripts.ts). */
  checkScript?: (form: ScriptForm, source: string) => ScriptSyntaxError | undefined;
  /**
   * Whether a node of a system gets a connection: the one it names (`connectionId`), or without
   * one the default of its kind (the host keeps the connections).
   */
  checkConnection?: (kind: ConnectionKind, connectionId: string | undefined) => ConnectionProblem | undefined;
}

/**
 * Why a node cannot get its connection: none by that id, one of another system, a sandbox
 * connection while the sandbox is off, or (no id) no connection of its kind at all.
 */
export type ConnectionProblem =
  | { reason: 'unknown'; known: readonly string[] }
  | { reason: 'otherKind'; kind: ConnectionKind }
  | { reason: 'sandboxOff' }
  | { reason: 'noneOfKind' };

/**
 * Everything wrong with a flow, as data the editor marks on nodes and edges and the command line
 * prints: unknown kinds or versions, config that does not parse (per field), dangling or
 * mistyped edges, cycles, missing triggers, sources whose records go nowhere, a bad schedule,
 * (with `checkScript`) syntax errors in code and expressions, and (with `checkConnection`) nodes
 * that would get no connection.
 * Each message names the flow, the node and the field.
 */
export function validateFlow(
  flow: FlowDocument,
  catalog: NodeCatalog,
  options: ValidateFlowOptions = {},
): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const flowName = flow.name;
  const nodesById = new Map<string, FlowNode>();
  const definitions = new Map<string, AnyNodeDefinition>();
  const add: Add = (problem, text) => problems.push({ ...problem, message: englishProblem(text), text });
  const nodeName = (node: FlowNode, language: TextLanguage) =>
    `node "${node.label ?? definitions.get(node.id)?.label[language] ?? node.kind}" (${node.id})`;
  const named: Named = (node) => ({ node: nodeName(node, 'en'), nodeNl: nodeName(node, 'nl') });

  if (flow.nodes.length === 0) {
    add({ severity: 'error', code: 'flow.empty' }, problemMessage('flowEmpty', { flow: flowName }));
  }

  for (const node of flow.nodes) {
    if (nodesById.has(node.id)) {
      add(
        { severity: 'error', code: 'node.duplicateId', nodeId: node.id },
        problemMessage('nodeDuplicateId', { flow: flowName, id: node.id }),
      );
      continue;
    }
    nodesById.set(node.id, node);
    const definition = catalog.get(node.kind, node.version);
    if (!definition) {
      const versions = catalog.versions(node.kind);
      if (versions.length === 0) {
        add(
          { severity: 'error', code: 'node.unknownKind', nodeId: node.id },
          problemMessage('nodeUnknownKind', { flow: flowName, kind: node.kind, ...named(node) }),
        );
      } else {
        add(
          { severity: 'error', code: 'node.unknownVersion', nodeId: node.id },
          problemMessage('nodeUnknownVersion', {
            flow: flowName,
            kind: node.kind,
            version: node.version,
            known: versions.join(', '),
            ...named(node),
          }),
        );
      }
      continue;
    }
    definitions.set(node.id, definition);
    if (definition.deprecated) {
      const latest = catalog.latest(node.kind);
      add(
        { severity: 'warning', code: 'node.deprecated', nodeId: node.id },
        problemMessage('nodeDeprecated', {
          flow: flowName,
          kind: node.kind,
          version: node.version,
          current: latest?.version,
          ...named(node),
        }),
      );
    }
    // `reportInput` so a wrong type's words name the type received (see issueWords).
    const parsed = definition.config.safeParse(node.config, { reportInput: true });
    if (parsed.success) {
      // The config's schema drops keys it does not know: a misspelt one would silently do nothing.
      for (const field of unknownSettings(definition.config, node.config)) {
        add(
          { severity: 'warning', code: 'node.unknownSetting', nodeId: node.id, field },
          problemMessage('nodeUnknownSetting', {
            flow: flowName,
            ...namedField(definition.config, field),
            ...named(node),
          }),
        );
      }
    }
    if (parsed.success && definition.warnings) {
      for (const warning of definition.warnings(parsed.data)) {
        add(
          {
            severity: 'warning',
            code: `node.${warning.code}`,
            nodeId: node.id,
            ...(warning.field ? { field: warning.field } : {}),
          },
          problemMessage(WARNING_TEXTS[warning.code], { flow: flowName, ...named(node) }),
        );
      }
    }
    if (parsed.success && definition.scripts && options.checkScript) {
      for (const script of definition.scripts(parsed.data)) {
        const error = options.checkScript(script.form, script.source);
        if (!error) continue;
        add(
          { severity: 'error', code: 'node.scriptSyntax', nodeId: node.id, field: script.field },
          problemMessage('nodeScriptSyntax', {
            flow: flowName,
            ...namedField(definition.config, script.field),
            line: error.line,
            column: error.column,
            atEnd: error.atEnd,
            detail: error.message,
            ...named(node),
          }),
        );
      }
    }
    if (parsed.success && options.checkConnection && SYSTEM_NAMES[definition.connection]) {
      const chosen = (parsed.data as { connectionId?: unknown }).connectionId;
      const connectionId = typeof chosen === 'string' ? chosen : undefined;
      const problem = options.checkConnection(definition.connection, connectionId);
      if (problem) {
        add(
          { severity: 'error', code: 'node.connection', nodeId: node.id, field: 'connectionId' },
          connectionProblemText(problem, {
            flow: flowName,
            id: connectionId ?? '',
            wanted: SYSTEM_NAMES[definition.connection] ?? definition.connection,
            ...namedField(definition.config, 'connectionId'),
            ...named(node),
          }),
        );
      }
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.');
        add(
          { severity: 'error', code: 'node.config', nodeId: node.id, ...(field ? { field } : {}) },
          problemMessage('nodeConfig', {
            flow: flowName,
            ...(field ? namedField(definition.config, field) : {}),
            ...issueWords(issue),
            ...named(node),
          }),
        );
      }
    }
  }

  const edgeIds = new Set<string>();
  const edgeKeys = new Set<string>();
  const validEdges = flow.edges.filter((edge) => {
    if (edgeIds.has(edge.id)) {
      add(
        { severity: 'error', code: 'edge.duplicateId', edgeId: edge.id },
        problemMessage('edgeDuplicateId', { flow: flowName, id: edge.id }),
      );
      return false;
    }
    edgeIds.add(edge.id);
    const source = nodesById.get(edge.source);
    const target = nodesById.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      add(
        {
          severity: 'error',
          code: 'edge.dangling',
          edgeId: edge.id,
          ...(source ? { nodeId: source.id } : target ? { nodeId: target.id } : {}),
        },
        problemMessage('edgeDangling', { flow: flowName, edge: edge.id, missing }),
      );
      return false;
    }
    const sourceDef = definitions.get(source.id);
    const targetDef = definitions.get(target.id);
    if (sourceDef && !sourceDef.outputs.some((port) => port.id === edge.sourcePort)) {
      add(
        { severity: 'error', code: 'edge.unknownPort', edgeId: edge.id, nodeId: source.id },
        problemMessage('edgeUnknownOutput', {
          flow: flowName,
          port: edge.sourcePort,
          ...listPorts(sourceDef.outputs),
          ...named(source),
        }),
      );
      return false;
    }
    if (targetDef && !targetDef.inputs.some((port) => port.id === edge.targetPort)) {
      add(
        { severity: 'error', code: 'edge.unknownPort', edgeId: edge.id, nodeId: target.id },
        problemMessage('edgeUnknownInput', {
          flow: flowName,
          port: edge.targetPort,
          ...listPorts(targetDef.inputs),
          ...named(target),
        }),
      );
      return false;
    }
    const key = `${edge.source}:${edge.sourcePort}->${edge.target}:${edge.targetPort}`;
    if (edgeKeys.has(key)) {
      add(
        { severity: 'warning', code: 'edge.duplicate', edgeId: edge.id },
        problemMessage('edgeDuplicate', { flow: flowName, edge: edge.id }),
      );
      return false;
    }
    edgeKeys.add(key);
    return true;
  });

  const graphFlow = { nodes: [...nodesById.values()], edges: validEdges };
  const cycles = findCycles(graphFlow);
  for (const cycle of cycles) {
    const ids = [...new Set(cycle.map((edge) => edge.source))];
    const names = (language: TextLanguage) =>
      ids
        .map((id) => {
          const node = nodesById.get(id);
          return node ? nodeName(node, language) : id;
        })
        .join(', ');
    for (const edge of cycle) {
      add(
        { severity: 'error', code: 'graph.cycle', edgeId: edge.id, nodeId: edge.source },
        problemMessage('graphCycle', { flow: flowName, names: names('en'), namesNl: names('nl') }),
      );
    }
  }

  checkPortTypes(graphFlow, definitions, nodesById, named, flowName, add);
  checkStructure(flow, graphFlow, definitions, named, flowName, add);
  checkSchedule(flow, definitions, flowName, options, add);
  return problems;
}

function listPorts(ports: readonly { id: string }[]): { ports: string; portsNl: string } {
  const listed = ports.map((port) => `"${port.id}"`).join(', ');
  return ports.length === 0 ? { ports: 'none', portsNl: 'geen' } : { ports: listed, portsNl: listed };
}

/** The systems as a connection problem names them (the same in both languages). */
const SYSTEM_NAMES: Partial<Record<ConnectionKind, string>> = {
  teamleader: 'Teamleader',
  mplus: 'MplusKASSA',
};

/** A connection problem's words; `wanted` is the node's system. */
function connectionProblemText(
  problem: ConnectionProblem,
  base: {
    flow: string;
    id: string;
    wanted: string;
    field: string;
    fieldNl: string;
    node: string;
    nodeNl: string;
  },
): CodedText {
  switch (problem.reason) {
    case 'unknown':
      return problemMessage('nodeConnectionUnknown', {
        ...base,
        known: problem.known.length ? problem.known.join(', ') : undefined,
      });
    case 'otherKind':
      return problemMessage('nodeConnectionOtherKind', {
        ...base,
        kind: SYSTEM_NAMES[problem.kind] ?? problem.kind,
      });
    case 'sandboxOff':
      return problemMessage('nodeConnectionSandboxOff', base);
    case 'noneOfKind':
      return problemMessage('nodeConnectionNone', {
        flow: base.flow,
        wanted: base.wanted,
        node: base.node,
        nodeNl: base.nodeNl,
      });
  }
}

/** The words of each warning a node kind can give about its config. */

const WARNING_TEXTS = { mapsNothing: 'nodeMapsNothing' } as const satisfies Record<
  NodeConfigWarning['code'],
  string
>;

/** Records a problem: its sentence is the text's English wording. */
type Add = (problem: Omit<FlowProblem, 'message' | 'text'>, text: CodedText) => void;
/** A node's name in both languages, as problem texts take it. */
type Named = (node: FlowNode) => { node: string; nodeNl: string };
type GraphFlow = Pick<FlowDocument, 'nodes' | 'edges'>;

/** Resolves `$input` outputs along the flow and compares each edge's types. */
function checkPortTypes(
  flow: GraphFlow,
  definitions: Map<string, AnyNodeDefinition>,
  nodesById: Map<string, FlowNode>,
  named: Named,
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
        const from = source ? named(source) : { node: id, nodeNl: id };
        const to = target ? named(target) : { node: edge.target, nodeNl: edge.target };
        add(
          { severity: 'error', code: 'edge.portType', edgeId: edge.id, nodeId: edge.target },
          problemMessage('edgePortType', {
            flow: flowName,
            source: from.node,
            sourceNl: from.nodeNl,
            carried,
            target: to.node,
            targetNl: to.nodeNl,
            expected: targetPort.recordType,
          }),
        );
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
  named: Named,
  flowName: string,
  add: Add,
): void {
  const graph = buildGraph(graphFlow);
  const triggers = graphFlow.nodes.filter((node) => definitions.get(node.id)?.category === 'trigger');
  if (flow.nodes.length > 0 && triggers.length === 0) {
    add({ severity: 'error', code: 'flow.noTrigger' }, problemMessage('flowNoTrigger', { flow: flowName }));
  }
  const reachable = new Set<string>();
  for (const trigger of triggers) for (const id of reachableFrom(graph, trigger.id)) reachable.add(id);

  for (const node of graphFlow.nodes) {
    const definition = definitions.get(node.id);
    if (!definition) continue;
    const incoming = graph.incoming.get(node.id) ?? [];
    if (definition.inputs.length > 0 && incoming.length === 0) {
      add(
        { severity: 'error', code: 'node.notConnected', nodeId: node.id },
        problemMessage('nodeNotConnected', { flow: flowName, ...named(node) }),
      );
    } else if (definition.category !== 'trigger' && !reachable.has(node.id) && triggers.length > 0) {
      add(
        { severity: 'warning', code: 'node.unreachable', nodeId: node.id },
        problemMessage('nodeUnreachable', { flow: flowName, ...named(node) }),
      );
    }
    if (definition.category === 'source') {
      const downstream = reachableFrom(graph, node.id);
      const leadsToTarget = [...downstream].some((id) => definitions.get(id)?.category === 'target');
      if (!leadsToTarget) {
        add(
          { severity: 'error', code: 'source.noTarget', nodeId: node.id },
          problemMessage('sourceNoTarget', { flow: flowName, ...named(node) }),
        );
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
      add(
        { severity: 'warning', code: 'schedule.manual', nodeId: node.id },
        problemMessage('scheduleManual', { flow: flowName }),
      );
    }
    return;
  }
  if (!isTimeZone(schedule.timezone)) {
    add(
      { severity: 'error', code: 'schedule.timezone', field: 'schedule.timezone' },
      problemMessage('scheduleTimezone', { flow: flowName, zone: schedule.timezone }),
    );
  } else if (schedule.kind === 'cron' && options.checkCron) {
    const message = options.checkCron(schedule.cron, schedule.timezone);
    if (message) {
      add(
        { severity: 'error', code: 'schedule.cron', field: 'schedule.cron' },
        problemMessage('scheduleCron', { flow: flowName, cron: schedule.cron, problem: message }),
      );
    }
  }
  if (scheduleNodes.length === 0 && flow.enabled) {
    add(
      { severity: 'warning', code: 'schedule.noTrigger' },
      problemMessage('scheduleNoTrigger', { flow: flowName }),
    );
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
