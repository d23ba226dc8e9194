// Panning a large flow by dragging the empty pane. React Flow keeps the view in its store, and every
// change of it runs the selectors of all its internal subscriptions (each card, connection and
// handle: ~1,600 at 300 steps) although a pan changes nothing but one CSS transform. During the
// gesture the pane, which holds the view, is moved by a translation written straight to the DOM
// (with the dot grid's offset); the view's own transform and React Flow's store get the final view
// once, when the pointer is released. On a large flow the pane is its own composited layer (see
// canvas.module.css), so a pan frame moves that layer and repaints nothing: the browser's only
// remaining work per frame is re-layerizing, a few ms at 300 steps.
import { useReactFlow, type Viewport } from '@xyflow/react';
import { useCallback, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

interface Gesture {
  pointerId: number;
  startX: number;
  startY: number;
  from: Viewport;
  to: Viewport;
  moved: boolean;
  /** The pane: it holds the view and follows the pointer while the view's own transform stays. */
  pane: HTMLElement;
  /** Looked up once per gesture: a query over the canvas walks thousands of elements. */
  viewport: HTMLElement | null;
  pattern: Element | null;
}

/** Below this distance (px) a press on the pane stays a click (which clears the selection). */
const CLICK_SLOP = 3;

function isPane(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && target.classList.contains('react-flow__pane');
}

/**
 * Pointer handlers for the canvas wrapper. `enabled` false leaves panning to React Flow (small flows,
 * where its own pan costs little). Nothing React renders changes during a pan (not even the cursor,
 * set on the pane here), so neither its start nor its end re-renders the canvas.
 */
export function useDirectPan(wrapper: RefObject<HTMLDivElement | null>, enabled: boolean, gap: number) {
  const { getViewport, setViewport } = useReactFlow();
  const gesture = useRef<Gesture | null>(null);

  const apply = useCallback(
    (g: Gesture) => {
      const vp = g.to;
      g.pane.style.transform = `translate(${vp.x - g.from.x}px,${vp.y - g.from.y}px)`;
      // The dot grid follows the view as React Flow's Background would draw it.
      const step = gap * vp.zoom || 1;
      g.pattern?.setAttribute('x', String(vp.x % step));
      g.pattern?.setAttribute('y', String(vp.y % step));
    },
    [gap],
  );

  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      if (e.button !== 0 || !isPane(e.target)) return;
      // Capturing the pointer sends the following moves straight to the pane, so the browser does
      // not look for what is under the pointer (hundreds of cards and SVG strokes) on every move.
      e.target.setPointerCapture(e.pointerId);
      if (!enabled || e.shiftKey) return;
      const from = getViewport();
      const root = wrapper.current;
      gesture.current = {
        pointerId: e.pointerId,
        startX: e.clientX,
        startY: e.clientY,
        from,
        to: from,
        moved: false,
        pane: e.target,
        viewport: root?.querySelector<HTMLElement>('.react-flow__viewport') ?? null,
        pattern: root?.querySelector('.react-flow__background pattern') ?? null,
      };
    },
    [enabled, getViewport, wrapper],
  );

  const onPointerMove = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      const g = gesture.current;
      if (!g || e.pointerId !== g.pointerId) return;
      const dx = e.clientX - g.startX;
      const dy = e.clientY - g.startY;
      if (!g.moved) {
        if (Math.hypot(dx, dy) < CLICK_SLOP) return;
        g.moved = true;
        g.pane.style.cursor = 'grabbing';
      }
      g.to = { x: g.from.x + dx, y: g.from.y + dy, zoom: g.from.zoom };
      apply(g);
    },
    [apply],
  );

  const end = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      const g = gesture.current;
      if (!g || e.pointerId !== g.pointerId) return;
      gesture.current = null;
      if (!g.moved) return;
      // The view takes the pan in the same frame as the pane drops it, so nothing jumps back while
      // React Flow's store catches up.
      g.pane.style.transform = '';
      g.pane.style.cursor = '';
      if (g.viewport) g.viewport.style.transform = `translate(${g.to.x}px,${g.to.y}px) scale(${g.to.zoom})`;
      void setViewport(g.to);
      // The release after a pan is not a click on the pane (which would clear the selection).
      const swallow = (click: MouseEvent) => {
        click.stopPropagation();
      };
      window.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
    },
    [setViewport],
  );

  return { onPointerDown, onPointerMove, onPointerUp: end, onPointerCancel: end };
}
