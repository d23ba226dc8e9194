import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useFlowStoreApi } from '../store/flow-store-context';
import { DEFAULT_NODE_SIZE } from '../store/graph-ops';

/** Selects a node and brings it to the middle of the canvas. */
export function useFocusNode() {
  const store = useFlowStoreApi();
  const { getInternalNode, setCenter, getZoom } = useReactFlow();
  return useCallback(
    (nodeId: string) => {
      const node = getInternalNode(nodeId);
      if (!node) return;
      store.getState().selectNodes([nodeId]);
      const w = node.measured.width ?? DEFAULT_NODE_SIZE.width;
      const h = node.measured.height ?? DEFAULT_NODE_SIZE.height;
      const { x, y } = node.internals.positionAbsolute;
      // Selecting opens the node panel, which narrows the canvas; center once React Flow has
      // measured the new size, or the node ends up under the panel.
      setTimeout(() => void setCenter(x + w / 2, y + h / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 }), 60);
    },
    [store, getInternalNode, setCenter, getZoom],
  );
}
