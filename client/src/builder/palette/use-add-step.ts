// Clicking a step in the palette: with one card selected that has a free output, the new step goes
// beside that output and is connected to it (the usual "and then…"); otherwise it goes near the
// middle of what is visible, clear of other cards and of the minimap.
import { useReactFlow, useStore as useReactFlowStore } from '@xyflow/react';
import { nodeRegistry, type NodeType } from '@zyntra/flows-schema';
import { useCallback } from 'react';
import { visibleFlowArea } from '../canvas/viewport-geometry';
import { selectSingleNodeId, useFlowStoreApi } from '../store/flow-store-context';
import { DEFAULT_NODE_SIZE, freeOutput } from '../store/graph-ops';
import { spotBeside, spotNear } from '../store/placement';
import { useBelow } from '../../shared/use-below';

/** Width of the side panel that opens with the new card selected. */
const PANEL_WIDTH = 360;
const FALLBACK_HANDLE_Y = 60;

export function useAddStep(): (type: NodeType) => void {
  const store = useFlowStoreApi();
  const { getViewport, getInternalNode } = useReactFlow();
  const width = useReactFlowStore((s) => s.width);
  const height = useReactFlowStore((s) => s.height);
  // On a phone the panel covers the canvas rather than narrowing it.
  const panelWidth = useBelow('sm') ? 0 : PANEL_WIDTH;

  return useCallback(
    (type: NodeType) => {
      const s = store.getState();
      const selectedId = selectSingleNodeId(s);
      const source = selectedId ? s.nodes.find((n) => n.id === selectedId) : undefined;
      const handle = source && !nodeRegistry[type].isEntry ? freeOutput(source, s.edges) : null;
      if (source && handle) {
        const bounds = getInternalNode(source.id)?.internals.handleBounds?.source?.find((h) => h.id === handle);
        const handleY = bounds ? bounds.y + bounds.height / 2 : FALLBACK_HANDLE_Y;
        s.addNodeAt(type, spotBeside(s.nodes, source, handleY), { source: source.id, sourceHandle: handle });
        return;
      }
      // The side panel is about to open for the new card: keep the spot clear of it too.
      const canvasWidth = selectedId ? width : width - panelWidth;
      const area = visibleFlowArea(getViewport(), canvasWidth, height);
      const wanted = { x: area.x + area.width / 2 - DEFAULT_NODE_SIZE.width / 2, y: area.y + area.height / 2 - DEFAULT_NODE_SIZE.height / 2 };
      s.addNodeAt(type, spotNear(s.nodes, wanted, area));
    },
    [store, getViewport, getInternalNode, width, height, panelWidth],
  );
}
