import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useFlowStore } from '../store/flow-store-context';
import { DEFAULT_NODE_SIZE } from '../store/graph-ops';

/** Keeps the node the test conversation is at in view, panning only when it is off screen. */
export function useFollowTestNode(): void {
  const nodeId = useFlowStore((s) => s.testNodeId);
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  useEffect(() => {
    const node = nodeId ? getInternalNode(nodeId) : undefined;
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!node || !pane) return;
    const { x: vx, y: vy, zoom } = getViewport();
    const { x, y } = node.internals.positionAbsolute;
    const w = node.measured.width ?? DEFAULT_NODE_SIZE.width;
    const h = node.measured.height ?? DEFAULT_NODE_SIZE.height;
    const left = x * zoom + vx;
    const top = y * zoom + vy;
    const visible = left >= 0 && top >= 0 && left + w * zoom <= pane.width && top + h * zoom <= pane.height;
    if (!visible) void setCenter(x + w / 2, y + h / 2, { zoom, duration: 300 });
  }, [nodeId, getInternalNode, getViewport, setCenter]);
}
