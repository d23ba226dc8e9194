import '@xyflow/react/dist/style.css';
import { useMantineTheme } from '@mantine/core';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Node,
} from '@xyflow/react';
import { isNodeType } from '@zyntra/flows-schema';
import { useCallback, type DragEvent } from 'react';
import { nodeColors } from '../node-look';
import { PALETTE_MIME } from '../palette/palette-dnd';
import type { EditorEdge, EditorNode } from '../store/editor-types';
import { useFlowStore } from '../store/flow-store-context';
import { GRID } from '../store/graph-ops';
import { FlowEdge } from './FlowEdge';
import { FlowNode } from './FlowNode';

// Module constants: React Flow re-creates every node when these objects change identity.
const nodeTypes = { flow: FlowNode };
const edgeTypes = { flow: FlowEdge };
const snapGrid: [number, number] = [GRID, GRID];
const fitViewOptions = { maxZoom: 1, padding: 0.2 };
const proOptions = { hideAttribution: false };
const multiSelectKeys = ['Control', 'Meta'];

export function Canvas() {
  const theme = useMantineTheme();
  const { screenToFlowPosition } = useReactFlow();
  const nodes = useFlowStore((s) => s.nodes);
  const edges = useFlowStore((s) => s.edges);
  const onNodesChange = useFlowStore((s) => s.onNodesChange);
  const onEdgesChange = useFlowStore((s) => s.onEdgesChange);
  const connect = useFlowStore((s) => s.connect);
  const addNodeAt = useFlowStore((s) => s.addNodeAt);
  const beginDrag = useFlowStore((s) => s.beginDrag);
  const endDrag = useFlowStore((s) => s.endDrag);

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

  const miniMapColor = useCallback(
    (n: Node) => theme.colors[nodeColors[(n as EditorNode).data.type]]?.[5] ?? theme.colors.gray[5],
    [theme],
  );

  return (
    <ReactFlow<EditorNode, EditorEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onNodeDragStart={beginDrag}
      onNodeDragStop={endDrag}
      onSelectionDragStart={beginDrag}
      onSelectionDragStop={endDrag}
      onDragOver={onDragOver}
      onDrop={onDrop}
      snapToGrid
      snapGrid={snapGrid}
      deleteKeyCode={null}
      multiSelectionKeyCode={multiSelectKeys}
      selectionKeyCode="Shift"
      zoomOnDoubleClick={false}
      minZoom={0.1}
      maxZoom={2}
      fitView
      fitViewOptions={fitViewOptions}
      proOptions={proOptions}
      nodeOrigin={[0, 0]}
      data-testid="canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color={theme.colors.gray[4]} />
      <MiniMap pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={2} nodeBorderRadius={6} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
