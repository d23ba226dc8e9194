// "Tidy up": measure each card and its handles as drawn, lay the flow out with ELK (in a worker,
// loaded on first use), apply the positions as one undo step, and fit the result in view.
import { useReactFlow, type InternalNode } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { notifyFailure } from '../../flows-list/notify';
import type { EditorNode } from '../store/editor-types';
import { useFlowStoreApi } from '../store/flow-store-context';
import { DEFAULT_NODE_SIZE } from '../store/graph-ops';
import type { LayoutEdge, LayoutNode } from './elk-graph';
import { runLayout } from './run-layout';

const fitOptions = { duration: 300, maxZoom: 1, padding: 0.2 };
const centerY = (h: { y: number; height: number }) => h.y + h.height / 2;

function layoutNode(n: EditorNode, internal: InternalNode<EditorNode> | undefined): LayoutNode {
  const bounds = internal?.internals.handleBounds;
  return {
    id: n.id,
    width: internal?.measured.width ?? DEFAULT_NODE_SIZE.width,
    height: internal?.measured.height ?? DEFAULT_NODE_SIZE.height,
    outputs: (bounds?.source ?? []).flatMap((h) => (h.id ? [{ id: h.id, y: centerY(h) }] : [])),
    inputY: bounds?.target?.[0] ? centerY(bounds.target[0]) : null,
  };
}

export function useTidyUp(failedMessage: string): { tidyUp: () => Promise<void>; busy: boolean } {
  const store = useFlowStoreApi();
  const { getInternalNode, fitView } = useReactFlow<EditorNode>();
  const [busy, setBusy] = useState(false);
  const tidyUp = useCallback(async () => {
    const { nodes, edges } = store.getState();
    const input = nodes.map((n) => layoutNode(n, getInternalNode(n.id)));
    const links: LayoutEdge[] = edges.map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target }));
    setBusy(true);
    try {
      const { positions, routes } = await runLayout(input, links);
      store.getState().applyLayout(positions);
      store.getState().setEdgeRoutes(Object.fromEntries(routes));
      // Wait a frame so React Flow has the new positions before fitting them.
      requestAnimationFrame(() => void fitView(fitOptions));
    } catch {
      notifyFailure(failedMessage);
    } finally {
      setBusy(false);
    }
  }, [store, getInternalNode, fitView, failedMessage]);
  return { tidyUp, busy };
}
