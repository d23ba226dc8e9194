import { useCallback, useState } from 'react';
import { panelColumns } from './panel-columns';

/**
 * How many panel columns the measured element (the editor body) has room for. Only a change of that
 * count re-renders, not every pixel of a window being resized.
 */
export function usePanelColumns<T extends HTMLElement>() {
  const [columns, setColumns] = useState(Infinity);
  const ref = useCallback((el: T | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setColumns(panelColumns(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, columns };
}
