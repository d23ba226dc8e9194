// Finishing a connection anywhere sensible works, as in n8n and Typebot: dropped on a card's body
// it connects to that card (not only on the 8 px input dot); dropped on empty canvas it opens the
// step picker there, and the chosen step is created at that spot, already connected.
import { useReactFlow, type FinalConnectionState } from '@xyflow/react';
import { nodeRegistry } from '@zyntra/flows-schema';
import { useCallback, useState } from 'react';
import type { XY } from '../store/editor-types';
import { useFlowStoreApi } from '../store/flow-store-context';

export interface PendingDrop {
  /** Where the picker opens, relative to the canvas element. */
  screen: XY;
  /** Where the new card's input lands, in flow coordinates. */
  flow: XY;
  from: { source: string; sourceHandle: string };
}

function pointOf(event: MouseEvent | TouchEvent): XY | null {
  if ('changedTouches' in event) {
    const touch = event.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : null;
  }
  return { x: event.clientX, y: event.clientY };
}

/** The card under the pointer (the connection line itself is skipped), and whether it was empty canvas. */
function dropTarget(point: XY): { nodeId: string | null; onPane: boolean } {
  const stack = document.elementsFromPoint(point.x, point.y);
  const card = stack.map((el) => el.closest('.react-flow__node')).find((el) => el !== null);
  const nodeId = card?.getAttribute('data-id') ?? null;
  return { nodeId, onPane: nodeId === null && stack.some((el) => el.classList.contains('react-flow__pane')) };
}

export function useConnectDrop(container: () => HTMLElement | null) {
  const store = useFlowStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const [pending, setPending] = useState<PendingDrop | null>(null);

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      // A drop on a handle (or within its radius) was already connected by onConnect.
      if (state.isValid || !state.fromHandle || state.fromHandle.type !== 'source' || !state.fromHandle.id) return;
      const point = pointOf(event);
      if (!point) return;
      const from = { source: state.fromHandle.nodeId, sourceHandle: state.fromHandle.id };
      const { nodeId, onPane } = dropTarget(point);
      if (nodeId && nodeId !== from.source) {
        const target = store.getState().nodes.find((n) => n.id === nodeId);
        if (target && !nodeRegistry[target.data.type].isEntry) store.getState().connect({ ...from, target: nodeId });
        return;
      }
      const box = container()?.getBoundingClientRect();
      if (!onPane || !box) return;
      setPending({ screen: { x: point.x - box.left, y: point.y - box.top }, flow: screenToFlowPosition(point), from });
    },
    [store, screenToFlowPosition, container],
  );

  return { pending, onConnectEnd, closePicker: useCallback(() => setPending(null), []) };
}
