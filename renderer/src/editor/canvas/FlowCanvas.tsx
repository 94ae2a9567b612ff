import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type FinalConnectionState,
  type IsValidConnection,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { useFlowToastStore } from '../../stores/flow-toast-store';
import { Toasts } from '../ui/Toasts';
import { checkConnection, type ProposedConnection } from '../model/connection-rules';
import type { EditorNode } from '../model/editor-types';
import { DEFAULT_NODE_SIZE, nodesBounds } from '../model/layout';
import { useResolvedTheme } from '../ui/useResolvedTheme';
import { nodeTypes } from './node-types';
import { nextStep } from './next-step';
import { openingView } from './opening-view';
import { KIND_MIME } from './palette-drag';
import { refusalText } from './refusal-text';
import { useNodeNamer, useRecordTypeLabel } from './useNodeNamer';

/** From this many nodes on, only the nodes in view are drawn. */
const BIG_FLOW = 80;

const categoryColour: Record<string, string> = {
  trigger: '#8b5cf6',
  source: '#0ea5e9',
  transform: '#14b8a6',
  target: '#f59e0b',
};

/** The flow canvas: nodes and edges from the store, palette drops, checked connections. */
export function FlowCanvas() {
  const { t } = useTranslation();
  const theme = useResolvedTheme();
  const nodes = useFlowEditorStore((state) => state.nodes);
  const edges = useFlowEditorStore((state) => state.edges);
  const problems = useFlowEditorStore((state) => state.problems);
  const onNodesChange = useFlowEditorStore((state) => state.onNodesChange);
  const onEdgesChange = useFlowEditorStore((state) => state.onEdgesChange);
  const connect = useFlowEditorStore((state) => state.connect);
  const addNode = useFlowEditorStore((state) => state.addNode);
  const showToast = useFlowToastStore((state) => state.show);
  const nameOf = useNodeNamer();
  const typeLabel = useRecordTypeLabel();
  const { screenToFlowPosition, getViewport, setViewport } = useReactFlow();
  const hint = useFlowEditorStore((state) => nextStep(state.nodes, state.edges, state.catalog));
  const container = useRef<HTMLDivElement>(null);
  const hintStrip = useRef<HTMLDivElement>(null);
  const hintHeight = useRef<number | null>(null);
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null);

  // The opening view is computed before React Flow first draws (instead of its `fitView`, which
  // fits only after every node was drawn and measured): big flows then draw only what ends up in view.
  useLayoutEffect(() => {
    const box = container.current?.getBoundingClientRect();
    if (!box || initialViewport) return;
    const { nodes: current } = useFlowEditorStore.getState();
    setInitialViewport(
      current.length === 0
        ? { x: box.width / 2, y: box.height / 3, zoom: 1 }
        : openingView(nodesBounds(current), box.width, box.height),
    );
  }, [initialViewport]);

  // The hint is a strip above the canvas, not drawn over it (it hid the node just added). When it
  // comes, goes or changes height, the canvas moves by as much: keep the nodes where they are on screen.
  useLayoutEffect(() => {
    const height = hintStrip.current?.getBoundingClientRect().height ?? 0;
    const before = hintHeight.current;
    hintHeight.current = height;
    if (before === null || before === height) return;
    const viewport = getViewport();
    void setViewport({ ...viewport, y: viewport.y - (height - before) });
  }, [hint, getViewport, setViewport]);

  // Edges with a problem of their own (a type that no longer fits, a loop) are drawn in red.
  const shownEdges = useMemo(() => {
    const broken = new Set(problems.flatMap((problem) => (problem.edgeId ? [problem.edgeId] : [])));
    if (broken.size === 0) return edges;
    return edges.map((edge) =>
      broken.has(edge.id) ? { ...edge, className: 'ed-edge-error', animated: false } : edge,
    );
  }, [edges, problems]);

  const check = useCallback(
    (connection: ProposedConnection) => {
      const state = useFlowEditorStore.getState();
      return checkConnection(connection, state.nodes, state.edges, state.catalog, nameOf);
    },
    [nameOf],
  );

  const isValidConnection: IsValidConnection = useCallback((connection) => check(connection).ok, [check]);

  const onConnect = useCallback(
    (connection: Connection) => {
      const verdict = connect(connection, nameOf);
      if (!verdict.ok) showToast('error', refusalText(t, verdict.refusal, typeLabel));
    },
    [connect, nameOf, showToast, t, typeLabel],
  );

  // React Flow does not call onConnect for a refused connection: say why here instead.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const { fromHandle, toHandle } = state;
      if (!fromHandle || !toHandle || state.isValid) return;
      const proposed: ProposedConnection =
        fromHandle.type === 'source'
          ? {
              source: fromHandle.nodeId,
              sourceHandle: fromHandle.id,
              target: toHandle.nodeId,
              targetHandle: toHandle.id,
            }
          : {
              source: toHandle.nodeId,
              sourceHandle: toHandle.id,
              target: fromHandle.nodeId,
              targetHandle: fromHandle.id,
            };
      const verdict = check(proposed);
      if (!verdict.ok) showToast('error', refusalText(t, verdict.refusal, typeLabel));
    },
    [check, showToast, t, typeLabel],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const ref = event.dataTransfer.getData(KIND_MIME);
      const entry = useFlowEditorStore.getState().catalog.get(ref);
      if (!entry) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNode(entry, { x: point.x - DEFAULT_NODE_SIZE.width / 2, y: point.y - DEFAULT_NODE_SIZE.height / 2 });
    },
    [addNode, screenToFlowPosition],
  );

  const minimapColour = useCallback((node: EditorNode) => {
    const entry = useFlowEditorStore.getState().catalog.get(`${node.data.kind}@${node.data.version}`);
    return categoryColour[entry?.category ?? 'transform'] ?? '#94a3b8';
  }, []);

  return (
    <div className="ed-canvas" data-testid="flow-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      {hint && (
        <div className="ed-canvas-hint" role="status" data-testid="canvas-hint" ref={hintStrip}>
          {t(`editor.canvas.next.${hint}`)}
        </div>
      )}
      <div className="ed-canvas-pane" ref={container}>
        {initialViewport && (
          <ReactFlow<EditorNode>
            nodes={nodes}
            edges={shownEdges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            colorMode={theme}
            defaultViewport={initialViewport}
            minZoom={0.1}
            deleteKeyCode={null}
            // Big flows draw only what is in view: mounting hundreds of off-screen nodes is the
            // slowest part of opening them. Small flows keep every node in the page.
            onlyRenderVisibleElements={nodes.length > BIG_FLOW}
            proOptions={{ hideAttribution: true }}
            defaultEdgeOptions={{ interactionWidth: 16 }}
            ariaLabelConfig={{ 'node.a11yDescription.default': t('editor.canvas.nodeHelp') }}
          >
            <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} />
            <Controls showInteractive={false} />
            <MiniMap<EditorNode>
              pannable
              zoomable
              nodeColor={minimapColour}
              ariaLabel={t('editor.canvas.minimap')}
            />
          </ReactFlow>
        )}
        {nodes.length === 0 && (
          <div className="ed-canvas-empty" data-testid="canvas-empty">
            <strong>{t('editor.canvas.emptyTitle')}</strong>
            <span>{t('editor.canvas.emptyBody')}</span>
          </div>
        )}
        <Toasts placement="canvas" />
      </div>
    </div>
  );
}
