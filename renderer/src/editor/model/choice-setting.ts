import type { WizardSystem } from '../../../../shared/api/calls/wizard';
import type { ChoiceSetting } from '../form/field-choices';
import { choicesKey, type SystemChoices } from '../../stores/reference-choices-store';
import { entryOf } from './catalog-index';
import type { EditorNode } from './editor-types';
import { downstreamTarget, upstreamSource, type GraphView } from './record-schemas';

const SYSTEMS: readonly WizardSystem[] = ['teamleader', 'mplus'];

function systemOfNode(
  node: EditorNode | undefined,
  view: Pick<GraphView, 'catalog'>,
): WizardSystem | undefined {
  const system = node && entryOf(view.catalog, node.data)?.system;
  return system === 'teamleader' || system === 'mplus' ? system : undefined;
}

function connectionIdOf(node: EditorNode | undefined): string | undefined {
  const id = node?.data.config.connectionId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Where a node reads a system's lists from, and what its lists depend on in the flow. */
export interface NodeChoicePlace {
  target?: WizardSystem;
  source?: WizardSystem;
  department?: string;
  /** Per system, the connection to read through (undefined: the default one). */
  connections: Record<WizardSystem, string | undefined>;
}

/**
 * A node's place for its pickers: the system it writes to (itself a target, or the first target
 * after it), that target's department, the system its records come from (itself a source, or the
 * first source before it), and per system the connection the flow uses — the node's own, else the
 * target's, else the first node of that system's (none named: the default one).
 */
export function choicePlaceOf(nodeId: string, view: GraphView): NodeChoicePlace {
  const node = view.nodes.find((candidate) => candidate.id === nodeId);
  const own = node && entryOf(view.catalog, node.data);
  const targetNode = own?.category === 'target' ? node : downstreamTarget(nodeId, view);
  const target = systemOfNode(targetNode, view);
  const source = systemOfNode(own?.category === 'source' ? node : upstreamSource(nodeId, view), view);
  const department = targetNode?.data.config.department;
  const connectionFor = (system: WizardSystem) => {
    if (systemOfNode(node, view) === system) return connectionIdOf(node);
    if (target === system) return connectionIdOf(targetNode);
    return connectionIdOf(view.nodes.find((candidate) => systemOfNode(candidate, view) === system));
  };
  return {
    ...(target ? { target } : {}),
    ...(source ? { source } : {}),
    ...(target === 'teamleader' && typeof department === 'string' ? { department } : {}),
    connections: { teamleader: connectionFor('teamleader'), mplus: connectionFor('mplus') },
  };
}

/** The place with the lists read so far. */
export function choiceSettingOf(
  place: NodeChoicePlace,
  bySource: Readonly<Record<string, SystemChoices>>,
): ChoiceSetting {
  const setting: ChoiceSetting = {
    ...(place.target ? { target: place.target } : {}),
    ...(place.source ? { source: place.source } : {}),
    ...(place.department !== undefined ? { department: place.department } : {}),
  };
  for (const system of SYSTEMS) {
    const read = bySource[choicesKey(system, place.connections[system])];
    if (read) setting[system] = read;
  }
  return setting;
}
