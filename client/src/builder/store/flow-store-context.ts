// React access to the editor's store. The store comes from context, so every editor instance (and
// every test) has its own; components select only the slice they render.
import { createContext, useContext, useRef } from 'react';
import type { TemporalState } from 'zundo';
import { useStore } from 'zustand';
import type { FlowState, FlowStore } from './create-flow-store';
import type { DocSnapshot } from './editor-types';

export const FlowStoreContext = createContext<FlowStore | null>(null);

export function useFlowStoreApi(): FlowStore {
  const store = useContext(FlowStoreContext);
  if (!store) throw new Error('useFlowStore must be used inside <FlowStoreContext>');
  return store;
}

export function useFlowStore<T>(selector: (s: FlowState) => T): T {
  return useStore(useFlowStoreApi(), selector);
}

/** Same keys, each value identical: a plain loop, no allocation (zustand's `shallow` builds Maps). */
export function sameFields<T extends object>(a: T, b: T): boolean {
  let count = 0;
  for (const key in a) {
    if (!Object.is(a[key], b[key])) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

/**
 * A selector returning a small object of fields, kept (same object) while every field is the same.
 * Hundreds of cards and connections each hold one, and every store change (a keystroke, a drag
 * frame) runs them all: the comparison must cost next to nothing.
 */
export function useFlowStoreFields<T extends object>(selector: (s: FlowState) => T): T {
  const prev = useRef<T | undefined>(undefined);
  return useFlowStore((s) => {
    const next = selector(s);
    return prev.current !== undefined && sameFields(prev.current, next) ? prev.current : (prev.current = next);
  });
}

export function useFlowHistory<T>(selector: (s: TemporalState<DocSnapshot>) => T): T {
  return useStore(useFlowStoreApi().temporal, selector);
}

/** The id of the one selected node, or null when none or several are selected. */
export function selectSingleNodeId(s: FlowState): string | null {
  let id: string | null = null;
  for (const n of s.nodes) {
    if (!n.selected) continue;
    if (id !== null) return null;
    id = n.id;
  }
  return id;
}

/** The node whose side panel is open, by the store: the single selection, unless it was made quietly by a drag. */
export function selectPanelNodeId(s: FlowState): string | null {
  const id = selectSingleNodeId(s);
  return id === s.quietNodeId ? null : id;
}

/**
 * The node whose side panel is shown: while a card is dragged, the one shown when the drag began.
 * Grabbing a card selects it, and a panel changing its node re-renders the panel (and narrows the
 * canvas, the first time): held, that happens just after the drop instead of stalling the card
 * under the pointer (see use-direct-drag).
 */
export const selectShownPanelId = (s: FlowState): string | null => (s.cardDrag ? s.heldPanelId : selectPanelNodeId(s));

/** One selector: a component re-renders only when the panel's node changes, not as drags start and end. */
export const usePanelNodeId = (): string | null => useFlowStore(selectShownPanelId);
