// The card being edited stays visible beside its side panel: when a card is selected (the panel
// opens and the canvas narrows; a new card is selected too) or the canvas is resized, the view pans
// just enough to show it whole, clear of the minimap and the other overlays.
import { useReactFlow, useStoreApi, useStore as useReactFlowStore } from '@xyflow/react';
import { useEffect } from 'react';
import { useFlowStoreApi, usePanelNodeId } from '../store/flow-store-context';
import { DEFAULT_NODE_SIZE } from '../store/graph-ops';
import { canvasOverlays } from './canvas-overlays';
import { freeScreenArea, panToClear } from './viewport-geometry';

/** A new card is measured a frame or two after it mounts: its real height decides the pan. */
const MEASURE_FRAMES = 10;

/** `isDragging` tells of a large flow's drag, which the store learns of only on the drop (see use-direct-drag). */
export function useKeepSelectionVisible(isDragging: () => boolean): void {
  const store = useFlowStoreApi();
  const nodeId = usePanelNodeId();
  const width = useReactFlowStore((s) => s.width);
  const height = useReactFlowStore((s) => s.height);
  const { getInternalNode, getViewport, setViewport } = useReactFlow();
  const flowStore = useStoreApi();

  useEffect(() => {
    if (!nodeId || width === 0) return;
    let frame = 0;
    const reveal = (framesLeft: number) => {
      const node = getInternalNode(nodeId);
      // Never pan under a card that is being dragged.
      if (!node || isDragging() || store.getState().nodes.some((n) => n.dragging)) return;
      if (node.measured.width === undefined && framesLeft > 0) {
        frame = requestAnimationFrame(() => reveal(framesLeft - 1));
        return;
      }
      const vp = getViewport();
      const { x, y } = node.internals.positionAbsolute;
      const box = {
        x: x * vp.zoom + vp.x,
        y: y * vp.zoom + vp.y,
        width: (node.measured.width ?? DEFAULT_NODE_SIZE.width) * vp.zoom,
        height: (node.measured.height ?? DEFAULT_NODE_SIZE.height) * vp.zoom,
      };
      const root = flowStore.getState().domNode;
      const { dx, dy } = panToClear(box, freeScreenArea({ width, height }, root ? canvasOverlays(root) : []));
      if (dx !== 0 || dy !== 0) void setViewport({ x: vp.x + dx, y: vp.y + dy, zoom: vp.zoom }, { duration: 200 });
    };
    frame = requestAnimationFrame(() => reveal(MEASURE_FRAMES));
    return () => cancelAnimationFrame(frame);
  }, [nodeId, width, height, store, flowStore, getInternalNode, getViewport, setViewport, isDragging]);
}
