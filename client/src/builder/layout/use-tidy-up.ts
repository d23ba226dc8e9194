// "Tidy up": measure each card and its handles as drawn, lay the flow out with ELK (in a worker,
// loaded on first use), apply the positions as one undo step, and fit the result in view.
import { useReactFlow, type InternalNode } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { notifyFailure } from '../../flows-list/notify';
import type { EditorEdge, EditorNode } from '../store/editor-types';
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

type Graph = { nodes: readonly EditorNode[]; edges: readonly EditorEdge[] };

const shapeOf = ({ nodes, edges }: Graph) => [...nodes.map((n) => n.id), ...edges.map((e) => `${e.id}>${e.target}`)].join('\n');

/** Steps or connections added, removed or moved to another step (moving a card does not count: the layout moves it anyway). */
const changedShape = (a: Graph, b: Graph) => a !== b && shapeOf(a) !== shapeOf(b);

export function useTidyUp(failedMessage: string): { tidyUp: () => Promise<void>; busy: boolean } {
  const store = useFlowStoreApi();
  const { getInternalNode, fitView } = useReactFlow<EditorNode>();
  const [busy, setBusy] = useState(false);
  const layoutOf = useCallback(
    ({ nodes, edges }: Graph) =>
      runLayout(
        nodes.map((n) => layoutNode(n, getInternalNode(n.id))),
        edges.map((e): LayoutEdge => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target })),
      ),
    [getInternalNode],
  );
  const tidyUp = useCallback(async () => {
    setBusy(true);
    try {
      // The first run also loads the engine, which can take a while: a step or connection added
      // meanwhile would be left out of the layout, so it runs again on the graph as it is now.
      let graph = store.getState();
      let layout = await layoutOf(graph);
      for (let i = 0; i < 2 && changedShape(graph, store.getState()); i++) {
        graph = store.getState();
        layout = await layoutOf(graph);
      }
      const { positions, routes } = layout;
      store.getState().applyLayout(positions);
      store.getState().setEdgeRoutes(Object.fromEntries(routes));
      // Wait a frame so React Flow has the new positions before fitting them.
      requestAnimationFrame(() => void fitView(fitOptions));
    } catch {
      notifyFailure(failedMessage);
    } finally {
      setBusy(false);
    }
  }, [store, layoutOf, fitView, failedMessage]);
  return { tidyUp, busy };
}
