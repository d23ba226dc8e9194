// Card drags. Moving a card does not open its side panel: a card grabbed while no panel is open is
// selected quietly (see selectPanelNodeId), and clicking it opens the panel; a panel that was open
// keeps what it showed until just after the drop (see selectShownPanelId), then shows the grabbed card.
// On a large flow, React Flow's per-move position changes are drawn in the DOM instead of going
// through the editor store (see direct-drag); the drop's changes reach the store as usual, so undo
// (one entry per drag) and autosave work as for any drag. Small flows, where React Flow's own drag
// costs little, keep it.
import { useStoreApi, type Node, type NodeChange, type NodePositionChange, type Transform } from '@xyflow/react';
import { useCallback, useRef, type RefObject } from 'react';
import type { EditorNode } from '../store/editor-types';
import type { FlowState } from '../store/create-flow-store';
import { selectShownPanelId, useFlowStoreApi } from '../store/flow-store-context';
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
  /** The side panel shown when the button went down (a drag selects its card as it starts). */
  const panelAtPress = useRef<string | null>(null);

  const onPointerDownCapture = useCallback(() => {
    panelAtPress.current = selectShownPanelId(store.getState());
  }, [store]);

  /** `grabbed`: the card under the pointer (none for a selection's frame). */
  const startGesture = useCallback(
    (grabbed: string | null) => {
      const s = store.getState();
      s.beginDrag();
      gesture.current = enabled ? { view: flow.getState().transform, drag: null } : null;
      // The gesture's flags in one store update (every card's selectors run on each): the panel keeps
      // what it showed, and a card grabbed with no panel open is selected quietly.
      const flags: Partial<Pick<FlowState, 'cardDrag' | 'heldPanelId' | 'quietNodeId'>> = {};
      if (!s.cardDrag) Object.assign(flags, { cardDrag: true, heldPanelId: panelAtPress.current });
      const quiet = panelAtPress.current === null ? grabbed : null;
      if (quiet !== null && s.quietNodeId !== quiet) flags.quietNodeId = quiet;
      if (Object.keys(flags).length > 0) store.setState(flags);
    },
    [store, flow, enabled],
  );

  // React Flow is told not to select on drag (selectNodesOnDrag={false}): its own selection would
  // update its store at every grab, even of a card already selected, running ~1,600 selectors on a
  // 300-step flow. The grabbed card is selected here, only when it is not already, once the panel is
  // held.
  const onNodeDragStart = useCallback(
    (_: unknown, node: Node) => {
      startGesture(node.id);
      const rf = flow.getState();
      if (!rf.nodeLookup.get(node.id)?.selected) rf.addSelectedNodes([node.id]);
      if (rf.nodesSelectionActive) flow.setState({ nodesSelectionActive: false });
    },
    [flow, startGesture],
  );
  const onSelectionDragStart = useCallback(() => startGesture(null), [startGesture]);

  const onNodeClick = useCallback(
    (_: unknown, node: Node) => {
      if (store.getState().quietNodeId === node.id) store.getState().setQuietNode(null);
    },
    [store],
  );

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

  return { onNodesChange, onNodeDragStart, onSelectionDragStart, onDragStop, onNodeClick, onPointerDownCapture, isDragging };
}

/**
 * Runs `release` once the drop has been drawn (two frames on) and no button is held: a card grabbed
 * again at once keeps the panel as it was until the pointer is let go.
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
