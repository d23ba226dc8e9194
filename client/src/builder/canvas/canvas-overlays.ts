// What floats over the canvas, where a card would be hidden: React Flow's panels (the minimap, the
// zoom buttons, the attribution), and the editor's own overlays, which register with `overlayRef`
// (the analytics legend, the phone's add button). Read when a card is placed or selected, never per
// frame, and without a query over the canvas (a large flow has thousands of elements).
import type { Rect } from '../store/placement';

const own = new Set<Element>();

/** Ref for an element of the editor that floats over the canvas. */
export function overlayRef(el: Element | null): (() => void) | undefined {
  if (!el) return undefined;
  own.add(el);
  return () => {
    own.delete(el);
  };
}

/** Boxes of the overlays on `root` (React Flow's `.react-flow` element) that cover part of it, relative to it. */
export function canvasOverlays(root: HTMLElement): Rect[] {
  const canvas = root.getBoundingClientRect();
  // React Flow's panels are the root's own children.
  const panels = [...root.children].filter((el) => el.classList.contains('react-flow__panel'));
  return [...panels, ...own]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0 && r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom)
    .map((r) => ({ x: r.left - canvas.left, y: r.top - canvas.top, width: r.width, height: r.height }));
}
