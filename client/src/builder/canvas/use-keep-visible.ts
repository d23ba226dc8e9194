// The card being edited stays visible beside its side panel: when a card is selected (the panel
// opens and the canvas narrows) or the canvas is resized, the view pans just enough to show it.
import { useReactFlow, useStore as useReactFlowStore } from '@xyflow/react';
import { useEffect } from 'react';
import { useFlowStoreApi, usePanelNodeId } from '../store/flow-store-context';
import { DEFAULT_NODE_SIZE } from '../store/graph-ops';
import { panToReveal } from './viewport-geometry';

/** `isDragging` tells of a large flow's drag, which the store learns of only on the drop (see use-direct-drag). */
export function useKeepSelectionVisible(isDragging: () => boolean): void {
  const store = useFlowStoreApi();
  const nodeId = usePanelNodeId();
  const width = useReactFlowStore((s) => s.width);
  const height = useReactFlowStore((s) => s.height);
  const { getInternalNode, getViewport, setViewport } = useReactFlow();

  useEffect(() => {
    if (!nodeId || width === 0) return;
    const frame = requestAnimationFrame(() => {
      const node = getInternalNode(nodeId);
      // Never pan under a card that is being dragged.
      if (!node || isDragging() || store.getState().nodes.some((n) => n.dragging)) return;
      const vp = getViewport();
      const { x, y } = node.internals.positionAbsolute;
      const box = {
        x: x * vp.zoom + vp.x,
        y: y * vp.zoom + vp.y,
        width: (node.measured.width ?? DEFAULT_NODE_SIZE.width) * vp.zoom,
        height: (node.measured.height ?? DEFAULT_NODE_SIZE.height) * vp.zoom,
      };
      const { dx, dy } = panToReveal(box, width, height);
      if (dx !== 0 || dy !== 0) void setViewport({ x: vp.x + dx, y: vp.y + dy, zoom: vp.zoom }, { duration: 200 });
    });
    return () => cancelAnimationFrame(frame);
  }, [nodeId, width, height, store, getInternalNode, getViewport, setViewport, isDragging]);
}
