import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import * as acorn from 'acorn';
import { nanoid } from 'nanoid';
import { create } from 'zustand';
import { connectionIdProblem } from '../../../shared/connections/connection-check';
import type { FlowDocument } from '../../../shared/flow/flow-document';
import type { FlowProblem } from '../../../shared/flow/flow-problem';
import { validateFlow } from '../../../shared/flow/validate-flow';
import { nodeCatalog } from '../../../shared/nodes/all-nodes';
import type { CatalogEntry, CatalogRecordType } from '../../../shared/nodes/catalog';
import { scriptSyntaxError } from '../../../shared/nodes/scripts';
import { indexCatalog, type CatalogIndex } from '../editor/model/catalog-index';
import { copySelection, pastePayload, type ClipboardPayload } from '../editor/model/clipboard';
import { checkConnection, type ConnectionCheck, type NodeNamer } from '../editor/model/connection-rules';
import type { EditorEdge, EditorNode, EditorSnapshot, FlowMeta } from '../editor/model/editor-types';
import { documentKey, fromFlowDocument, toFlowDocument } from '../editor/model/flow-conversion';
import {
  canRedo,
  canUndo,
  createHistory,
  recordStep,
  redoStep,
  undoStep,
  type History,
} from '../editor/model/history';
import { tidyLayout } from '../editor/model/layout';
import { createNode, keepSelection } from '../editor/model/node-factory';
import { problemsByNode } from '../editor/model/node-status';
import { useSettingsStore } from './settings-store';

export const newId = (): string => nanoid(12);

/** What `catalog.list` gives the editor. */
export interface EditorCatalog {
  entries: readonly CatalogEntry[];
  recordTypes: readonly CatalogRecordType[];
}

export interface FlowEditorState {
  meta: FlowMeta | null;
  nodes: EditorNode[];
  edges: EditorEdge[];
  entries: CatalogEntry[];
  catalog: CatalogIndex;
  recordTypes: ReadonlyMap<string, CatalogRecordType>;
  /** Null until a flow is loaded. */
  history: History<EditorSnapshot> | null;
  /** `documentKey` of the last loaded or saved state. */
  savedKey: string;
  dirty: boolean;
  /** Problems of the whole flow (validateFlow), recomputed on every change but moves. */
  problems: FlowProblem[];
  /** The same problems by node id (flow-level ones under ''), for the canvas. */
  problemIndex: Map<string, FlowProblem[]>;

  load(flow: FlowDocument, catalog: EditorCatalog): void;
  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
  /** Adds the edge when the rules allow it; returns the verdict either way. */
  connect(connection: Connection, nameOf: NodeNamer): ConnectionCheck;
  addNode(entry: CatalogEntry, position: { x: number; y: number }): string;
  /** Replaces a node's config; edits with the same `historyKey` in a burst undo together. */
  setNodeConfig(id: string, config: Record<string, unknown>, historyKey?: string): void;
  renameNode(id: string, label: string): void;
  setMeta(patch: Partial<FlowMeta>, historyKey?: string): void;
  select(ids: readonly string[]): void;
  deleteSelected(): void;
  copy(): ClipboardPayload | null;
  paste(payload: ClipboardPayload, offset?: { x: number; y: number }): void;
  undo(): void;
  redo(): void;
  tidy(): void;
  /** After a save: the saved document becomes the clean state (its revision, its time). */
  markSaved(flow: FlowDocument): void;
  /** The document as it would be saved now. */
  document(): FlowDocument | null;
  /** Drops the open flow and its unsaved changes. */
  discard(): void;
}

function computeProblems(
  meta: FlowMeta | null,
  nodes: EditorNode[],
  edges: EditorEdge[],
): Pick<FlowEditorState, 'problems' | 'problemIndex'> {
  // The connections as the settings hold them (kept current by `settings.changed`); none loaded
  // yet (a test without the app) claims nothing either way.
  const settings = useSettingsStore.getState().settings;
  const problems = meta
    ? validateFlow(toFlowDocument(meta, nodes, edges), nodeCatalog, {
        // The code and expressions as the sandbox will compile them, checked as they are typed.
        checkScript: (form, source) => scriptSyntaxError(acorn, form, source),
        ...(settings ? { checkConnection: (kind, id) => connectionIdProblem(settings, kind, id) } : {}),
      })
    : [];
  return { problems, problemIndex: problemsByNode(problems) };
}

export const useFlowEditorStore = create<FlowEditorState>()((set, get) => {
  /** Sets a new graph (and meta), records it for undo, and refreshes the dirty flag and problems. */
  const commit = (
    next: { nodes?: EditorNode[]; edges?: EditorEdge[]; meta?: FlowMeta },
    historyKey?: string,
    revalidate = true,
  ) => {
    const state = get();
    const meta = next.meta ?? state.meta;
    const nodes = next.nodes ?? state.nodes;
    const edges = next.edges ?? state.edges;
    if (!meta || !state.history) return;
    set({
      meta,
      nodes,
      edges,
      history: recordStep(state.history, { meta, nodes, edges }, historyKey ? { key: historyKey } : {}),
      dirty: documentKey(meta, nodes, edges) !== state.savedKey,
      ...(revalidate ? computeProblems(meta, nodes, edges) : {}),
    });
  };

  const restore = (snapshot: EditorSnapshot, history: History<EditorSnapshot>) => {
    const { savedKey, nodes: current } = get();
    const nodes = keepSelection(snapshot.nodes, current);
    const edges = [...snapshot.edges];
    set({
      meta: snapshot.meta,
      nodes,
      edges,
      history,
      dirty: documentKey(snapshot.meta, nodes, edges) !== savedKey,
      ...computeProblems(snapshot.meta, nodes, edges),
    });
  };

  return {
    meta: null,
    nodes: [],
    edges: [],
    entries: [],
    catalog: new Map(),
    recordTypes: new Map(),
    history: null,
    savedKey: '',
    dirty: false,
    problems: [],
    problemIndex: new Map(),

    load(flow, { entries, recordTypes }) {
      const { meta, nodes, edges } = fromFlowDocument(flow);
      set({
        meta,
        nodes,
        edges,
        entries: [...entries],
        catalog: indexCatalog(entries),
        recordTypes: new Map(recordTypes.map((type) => [type.id, type] as const)),
        history: createHistory({ meta, nodes, edges }),
        savedKey: documentKey(meta, nodes, edges),
        dirty: false,
        ...computeProblems(meta, nodes, edges),
      });
    },

    onNodesChange(changes) {
      const nodes = applyNodeChanges(changes, get().nodes);
      const removed = changes.some((change) => change.type === 'remove');
      const moved = changes.some((change) => change.type === 'position' && !change.dragging);
      if (removed) {
        const ids = new Set(nodes.map((node) => node.id));
        const edges = get().edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
        commit({ nodes, edges });
      } else if (moved) {
        commit({ nodes }, 'move', false);
      } else {
        // Selection, size and in-drag positions: canvas state, not an edit.
        set({ nodes });
      }
    },

    onEdgesChange(changes) {
      const edges = applyEdgeChanges(changes, get().edges);
      if (changes.some((change) => change.type === 'remove')) commit({ edges });
      else set({ edges });
    },

    connect(connection, nameOf) {
      const { nodes, edges, catalog } = get();
      const verdict = checkConnection(connection, nodes, edges, catalog, nameOf);
      if (verdict.ok) commit({ edges: addEdge({ ...connection, id: newId() }, edges) });
      return verdict;
    },

    addNode(entry, position) {
      const id = newId();
      const nodes = get().nodes.map((node) => (node.selected ? { ...node, selected: false } : node));
      commit({ nodes: [...nodes, createNode(entry, id, position)] });
      return id;
    },

    setNodeConfig(id, config, historyKey) {
      const nodes = get().nodes.map((node) =>
        node.id === id ? { ...node, data: { ...node.data, config } } : node,
      );
      commit({ nodes }, historyKey ?? `config:${id}`);
    },

    renameNode(id, label) {
      const nodes = get().nodes.map((node) => {
        if (node.id !== id) return node;
        const { label: _old, ...data } = node.data;
        return { ...node, data: label.trim() ? { ...data, label } : data };
      });
      commit({ nodes }, `label:${id}`);
    },

    setMeta(patch, historyKey) {
      const meta = get().meta;
      if (meta) commit({ meta: { ...meta, ...patch } }, historyKey);
    },

    select(ids) {
      const wanted = new Set(ids);
      set({
        nodes: get().nodes.map((node) =>
          Boolean(node.selected) === wanted.has(node.id) ? node : { ...node, selected: wanted.has(node.id) },
        ),
        edges: get().edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
      });
    },

    deleteSelected() {
      const { nodes, edges } = get();
      const gone = new Set(nodes.filter((node) => node.selected).map((node) => node.id));
      const keptEdges = edges.filter(
        (edge) => !edge.selected && !gone.has(edge.source) && !gone.has(edge.target),
      );
      if (gone.size === 0 && keptEdges.length === edges.length) return;
      commit({ nodes: nodes.filter((node) => !gone.has(node.id)), edges: keptEdges });
    },

    copy() {
      return copySelection(get().nodes, get().edges);
    },

    paste(payload, offset = { x: 40, y: 40 }) {
      const pasted = pastePayload(payload, newId, offset);
      const nodes = get().nodes.map((node) => (node.selected ? { ...node, selected: false } : node));
      commit({ nodes: [...nodes, ...pasted.nodes], edges: [...get().edges, ...pasted.edges] });
    },

    undo() {
      const { history } = get();
      if (!history || !canUndo(history)) return;
      const previous = undoStep(history);
      restore(previous.present, previous);
    },

    redo() {
      const { history } = get();
      if (!history || !canRedo(history)) return;
      const next = redoStep(history);
      restore(next.present, next);
    },

    tidy() {
      const { nodes, edges } = get();
      const positions = tidyLayout(nodes, edges);
      commit(
        { nodes: nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })) },
        undefined,
        false,
      );
    },

    markSaved(flow) {
      const { nodes, edges, meta } = get();
      if (!meta) return;
      const saved = fromFlowDocument(flow);
      const nextMeta = {
        ...meta,
        revision: flow.revision,
        ...(flow.updatedAt ? { updatedAt: flow.updatedAt } : {}),
      };
      const savedKey = documentKey(saved.meta, saved.nodes, saved.edges);
      set({ meta: nextMeta, savedKey, dirty: documentKey(nextMeta, nodes, edges) !== savedKey });
    },

    document() {
      const { meta, nodes, edges } = get();
      return meta ? toFlowDocument(meta, nodes, edges) : null;
    },

    discard() {
      set({
        meta: null,
        nodes: [],
        edges: [],
        history: null,
        savedKey: '',
        dirty: false,
        problems: [],
        problemIndex: new Map(),
      });
    },
  };
});

// A connection added or removed, or the sandbox turned on or off (here or in another window):
// the open flow's connection checks follow.
useSettingsStore.subscribe((next, previous) => {
  if (next.settings === previous.settings) return;
  const { meta, nodes, edges } = useFlowEditorStore.getState();
  if (meta) useFlowEditorStore.setState(computeProblems(meta, nodes, edges));
});
