import type { NodeTypes } from '@xyflow/react';
import { KOPPEL_NODE } from '../model/editor-types';
import { KoppelNode } from './KoppelNode';

/**
 * The canvas's node types, defined once at module level: React Flow re-creates every node when
 * this object changes identity, so it must never be built inside a component.
 */
export const nodeTypes: NodeTypes = { [KOPPEL_NODE]: KoppelNode };
