import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { nextDensity, toolbarLook, type Density } from './toolbar-density';

/** A ref that reports the element's width on every resize (0 before the first). */
function useWidth() {
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * Folds the toolbar up while its left side (`leadRef`) overflows, measured before the browser paints.
 * It unfolds to measure afresh when the toolbar (`toolbarRef`) grows, the publish chip (`chipRef`)
 * changes size or `contentKey` (the language, say) changes; it measures again, without unfolding,
 * when the buttons (`actionsRef`) change size, as when a problem count appears.
 */
export function useToolbarDensity(contentKey: string) {
  const [density, setDensity] = useState<Density>(0);
  const [toolbarRef, width] = useWidth();
  const [chipRef, chipWidth] = useWidth();
  const [actionsRef, actionsWidth] = useWidth();
  const leadRef = useRef<HTMLDivElement>(null);
  const key = `${contentKey}|${chipWidth}`;
  const seen = useRef({ width, key });
  useLayoutEffect(() => {
    const remeasure = width > seen.current.width || key !== seen.current.key;
    seen.current = { width, key };
    const lead = leadRef.current;
    const overflowing = !!lead && lead.scrollWidth > lead.clientWidth + 1;
    const next = nextDensity(density, { overflowing, remeasure: remeasure && density > 0 });
    if (next !== density) setDensity(next);
  }, [width, key, density, actionsWidth]);
  return { toolbarRef, leadRef, chipRef, actionsRef, look: toolbarLook(density) };
}
