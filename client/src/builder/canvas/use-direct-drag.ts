// Card drags on a large flow (see direct-drag): React Flow's per-move position changes are drawn
// in the DOM instead of going through the editor store; the drop's changes reach the store as
// usual, so undo (one entry per drag) and autosave work as for any drag. Small flows, where React
// Flow's own drag costs little, keep it. The side panel of a card grabbed there opens just after the
// drop (see usePanelNodeId), in a frame of its own.
import { useStoreApi, type NodeChange, type NodePositionChange, type Transform } from '@xyflow/react';
import { useCallback, useRef, type RefObject } from 'react';
import type { EditorNode } from '../store/editor-types';
import { useFlowStoreApi } from '../store/flow-store-context';
import { startDirectDrag, type DirectDrag } from './direct-drag';

const isDragMove = (c: NodeChange): c is NodePositionChange => c.type === 'position' && c.dragging === true;
const sameView = (a: Transform, b: Transform) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

interface Gesture {
  view: Transform;
  drag: DirectDrag | null;
}

export function useDirectDrag(wrapper: RefObject<HTMLDivElement | null>, enabled: boolean) {
  const store = useFlowStoreApi();
  const flow = useStoreApi();
  const gesture = useRef<Gesture | null>(null);

  const onDragStart = useCallback(() => {
    store.getState().beginDrag();
    gesture.current = enabled ? { view: flow.getState().transform, drag: null } : null;
    if (enabled && !store.getState().cardDrag) store.getState().setCardDrag(true);
  }, [store, flow, enabled]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const g = gesture.current;
      const root = wrapper.current;
      // A view that moved under the drag (auto-pan at the canvas edge, wheel zoom) changes which
      // cards React Flow draws: from then on, the gesture is React Flow's.
      if (g && root && changes.length > 0 && changes.every(isDragMove) && sameView(g.view, flow.getState().transform)) {
        if (!g.drag) {
          const { edges, edgeRoutes } = store.getState();
          const ids = new Set(changes.map((c) => c.id));
          g.drag = startDirectDrag({ root, ids, nodeLookup: flow.getState().nodeLookup, edges, routes: edgeRoutes });
        }
        g.drag.move(changes);
        return;
      }
      if (g?.drag && changes.some((c) => c.type === 'position')) gesture.current = null;
      store.getState().onNodesChange(changes as NodeChange<EditorNode>[]);
    },
    [store, flow, wrapper],
  );

  const onDragStop = useCallback(() => {
    gesture.current = null;
    store.getState().endDrag();
    if (!store.getState().cardDrag) return;
    releasePanelAfterGesture(() => {
      if (gesture.current || !store.getState().cardDrag) return;
      store.getState().setCardDrag(false);
    });
  }, [store]);

  /** Whether cards are being moved here: the store does not know of it until the drop. */
  const isDragging = useCallback(() => gesture.current?.drag != null, []);

  return { onNodesChange, onDragStart, onDragStop, isDragging };
}

/**
 * Runs `release` once the drop has been drawn (two frames on) and no button is held: a card grabbed
 * again at once keeps the panel closed until the pointer is let go.
 */
function releasePanelAfterGesture(release: () => void) {
  let pressed = false;
  const onDown = () => (pressed = true);
  const onUp = () => {
    pressed = false;
    afterTwoFrames(attempt);
  };
  // A press that ends out of sight (cancelled, or the window lost focus) counts as let go: the panel
  // and autosave must not wait for a release that never comes.
  const ends = ['pointerup', 'pointercancel', 'blur'] as const;
  const attempt = () => {
    if (pressed) return;
    window.removeEventListener('pointerdown', onDown, true);
    for (const type of ends) window.removeEventListener(type, onUp, true);
    release();
  };
  window.addEventListener('pointerdown', onDown, true);
  for (const type of ends) window.addEventListener(type, onUp, true);
  afterTwoFrames(attempt);
}

const afterTwoFrames = (fn: () => void) => requestAnimationFrame(() => requestAnimationFrame(fn));
