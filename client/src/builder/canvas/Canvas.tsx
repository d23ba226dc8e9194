import '@xyflow/react/dist/style.css';
import { useMantineTheme } from '@mantine/core';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useReactFlowStore,
  type Connection,
  type Node,
} from '@xyflow/react';
import { isNodeType, type NodeType } from '@zyntra/flows-schema';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { nodeColor } from '../node-look';
import { PALETTE_MIME } from '../palette/palette-dnd';
import type { EditorEdge } from '../store/editor-types';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';
import { GRID } from '../store/graph-ops';
import styles from './canvas.module.css';
import { createCanvasNodesSelector, type CanvasNode } from './canvas-nodes';
import { FlowEdge } from './FlowEdge';
import { FlowNode } from './FlowNode';
import { StepPicker } from './StepPicker';
import { useAriaLabels, useAriaNames } from './use-aria-labels';
import { createCanvasEdgesSelector } from './canvas-edges';
import { useConnectDrop } from './use-connect-drop';
import { useDirectDrag } from './use-direct-drag';
import { useDirectPan } from './use-direct-pan';
import { useKeepSelectionVisible } from './use-keep-visible';
import { useRouteConnections } from './use-route-connections';
import { useMinZoom } from './use-min-zoom';
import { MINIMAP_STYLE, minimapSize } from './minimap-size';
import { initialFit } from './initial-fit';
import { useBelow } from '../../shared/use-below';

// Module constants: React Flow re-creates every node when these objects change identity.
const nodeTypes = { flow: FlowNode };
const edgeTypes = { flow: FlowEdge };
const snapGrid: [number, number] = [GRID, GRID];
const fitViewOptions = { maxZoom: 1, padding: 0.2 };
const proOptions = { hideAttribution: false };
const multiSelectKeys = ['Control', 'Meta'];
/** Below this zoom the cards are drawn as coloured boxes without text. */
const FAR_ZOOM = 0.35;
/** On a phone, below this zoom a card's text is too small to read: a flow opens on its start instead. */
const PHONE_READABLE_ZOOM = 0.6;
/** From this many steps on, the minimap is not redrawn while the view moves. */
const LARGE_FLOW = 100;
/** Dot grid spacing (px at zoom 1). */
const DOT_GAP = GRID * 2;
/** Left-button pans on a large flow are the editor's (see use-direct-pan); the middle button stays React Flow's. */
const MIDDLE_BUTTON_PAN = [1];
/** Where a new card's input handle sits relative to its top-left corner. */
const INPUT_OFFSET = { x: 8, y: 22 };

export function Canvas() {
  const theme = useMantineTheme();
  const { screenToFlowPosition } = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const names = useAriaNames();
  const selectCanvasNodes = useMemo(() => createCanvasNodesSelector(names), [names]);
  const selectCanvasEdges = useMemo(() => createCanvasEdgesSelector(names), [names]);
  const nodes = useFlowStore(selectCanvasNodes);
  const edges = useFlowStore(selectCanvasEdges);
  const onEdgesChange = useFlowStore((s) => s.onEdgesChange);
  const connect = useFlowStore((s) => s.connect);
  const addNodeAt = useFlowStore((s) => s.addNodeAt);
  const minZoom = useMinZoom();
  const store = useFlowStoreApi();
  const phone = useBelow('sm');
  // Read once: React Flow frames the flow when it opens, with the options it had then.
  const [openingFit] = useState(() =>
    phone ? initialFit(store.getState().nodes, { width: window.innerWidth, height: window.innerHeight }, PHONE_READABLE_ZOOM, fitViewOptions) : fitViewOptions,
  );
  const ariaLabelConfig = useAriaLabels();
  const { pending, onConnectEnd, closePicker } = useConnectDrop(useCallback(() => wrapper.current, []));

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.sourceHandle) connect({ source: c.source, sourceHandle: c.sourceHandle, target: c.target });
    },
    [connect],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeType(type)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // The pointer holds the card near its top-left corner, where the palette item was grabbed.
      addNodeAt(type, { x: p.x - 24, y: p.y - 16 });
    },
    [screenToFlowPosition, addNodeAt],
  );

  const pick = (type: NodeType) => {
    if (!pending) return;
    addNodeAt(type, { x: pending.flow.x - INPUT_OFFSET.x, y: pending.flow.y - INPUT_OFFSET.y }, pending.from);
    closePicker();
  };

  const miniMapColor = useCallback((n: Node) => theme.colors[nodeColor((n as CanvasNode).data.type)][5], [theme]);
  // Far out, card text is unreadable anyway: it is not painted (see flow-node.module.css), and while
  // the view moves it is one composited layer, so panning moves pixels instead of repainting cards.
  const far = useReactFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const large = useFlowStore((s) => s.nodes.length >= LARGE_FLOW);
  const mapSize = useReactFlowStore((s) => minimapSize(s.width));
  const [moving, setMoving] = useState(false);
  const onMoveStart = useCallback(() => setMoving(true), []);
  const onMoveEnd = useCallback(() => setMoving(false), []);
  const pan = useDirectPan(wrapper, large, DOT_GAP);
  // A large flow's pan moves the view without React Flow (use-direct-pan), which draws only the cards
  // in the view it knows of: cards coming into sight would stay blank until the release. It draws
  // them all instead (the bench's pan and drag are no slower: no cards mount when a pan ends).
  const onlyVisible = !large;
  const drag = useDirectDrag(wrapper, large);
  useKeepSelectionVisible(drag.isDragging);
  useRouteConnections();

  return (
    <div ref={wrapper} className={styles.canvas} {...pan} onPointerDownCapture={drag.onPointerDownCapture} data-zoom={far ? 'far' : undefined} data-moving={moving || undefined} data-large={large || undefined}>
      <ReactFlow<CanvasNode, EditorEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={drag.onNodesChange}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onNodeDragStart={drag.onNodeDragStart}
        selectNodesOnDrag={false}
        onNodeDragStop={drag.onDragStop}
        onNodeClick={drag.onNodeClick}
        onSelectionDragStart={drag.onSelectionDragStart}
        onSelectionDragStop={drag.onDragStop}
        onDragOver={onDragOver}
        onDrop={onDrop}
        snapToGrid
        snapGrid={snapGrid}
        deleteKeyCode={null}
        multiSelectionKeyCode={multiSelectKeys}
        selectionKeyCode="Shift"
        zoomOnDoubleClick={false}
        minZoom={minZoom}
        maxZoom={2}
        fitView
        fitViewOptions={openingFit}
        proOptions={proOptions}
        nodeOrigin={[0, 0]}
        ariaLabelConfig={ariaLabelConfig}
        onlyRenderVisibleElements={onlyVisible}
        panOnDrag={large ? MIDDLE_BUTTON_PAN : true}
        data-testid="canvas"
      >
        {/* A dot grid is tens of thousands of dots to repaint on every pan frame once zoomed out. */}
        {!far && <Background variant={BackgroundVariant.Dots} gap={DOT_GAP} size={1.4} color={theme.colors.gray[4]} />}
        {/* On a large flow, redrawing the minimap (its view box follows the view) would be the only
            paint in a frame of React Flow's own pan or zoom (middle button, wheel): it is set aside
            while such a move lasts. The editor's pan leaves React Flow's view alone until the
            release, so the minimap stays, showing where the pan started. A narrow canvas (panels
            open beside it) gets a smaller minimap, or none (see minimap-size). */}
        {!(moving && large) && mapSize !== 'none' && <MiniMap pannable zoomable style={MINIMAP_STYLE[mapSize]} nodeColor={miniMapColor} nodeStrokeWidth={2} nodeBorderRadius={6} />}
        {/* Its fit-view button, like the toolbar's, stops at 100 %: a short flow is not blown up. */}
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
      </ReactFlow>
      {pending && <StepPicker drop={pending} onPick={pick} onClose={closePicker} />}
    </div>
  );
}
