// Clicking a step in the palette (or pressing Enter on it): with one card selected that has a free
// output, the new step goes beside that output and is connected to it (the usual "and then…");
// otherwise it goes near the middle of the free part of the view: clear of other cards, of the
// minimap and the zoom buttons, and of the side panel that opens for it. Either way the new card is
// selected, and the canvas pans to show it whole if it landed out of sight (see use-keep-visible).
import { useReactFlow, useStoreApi, useStore as useReactFlowStore } from '@xyflow/react';
import { nodeRegistry, type NodeType } from '@zyntra/flows-schema';
import { useCallback } from 'react';
import { canvasOverlays } from '../canvas/canvas-overlays';
import { afterNarrowing, freeScreenArea, toFlowArea } from '../canvas/viewport-geometry';
import { selectPanelNodeId, selectSingleNodeId, useFlowStoreApi } from '../store/flow-store-context';
import { freeOutput } from '../store/graph-ops';
import { NEW_CARD_SIZE, spotBeside, spotNear } from '../store/placement';
import { useBelow } from '../../shared/use-below';

/** Width of the side panel that opens with the new card selected. */
const PANEL_WIDTH = 360;
const FALLBACK_HANDLE_Y = 60;

export function useAddStep(): (type: NodeType) => void {
  const store = useFlowStoreApi();
  const flowStore = useStoreApi();
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
        s.addNodeAt(type, spotBeside(s.nodes, source, handleY, NEW_CARD_SIZE), { source: source.id, sourceHandle: handle });
        return;
      }
      // The side panel is about to open for the new card (unless one is open already): the canvas
      // narrows, and the minimap moves left with its right edge.
      const narrowing = selectPanelNodeId(s) ? 0 : panelWidth;
      const root = flowStore.getState().domNode;
      const overlays = afterNarrowing(root ? canvasOverlays(root) : [], width, narrowing);
      const area = toFlowArea(freeScreenArea({ width: width - narrowing, height }, overlays), getViewport());
      const wanted = {
        x: area.view.x + area.view.width / 2 - NEW_CARD_SIZE.width / 2,
        y: area.view.y + area.view.height / 2 - NEW_CARD_SIZE.height / 2,
      };
      s.addNodeAt(type, spotNear(s.nodes, wanted, area, NEW_CARD_SIZE));
    },
    [store, flowStore, getViewport, getInternalNode, width, height, panelWidth],
  );
}
