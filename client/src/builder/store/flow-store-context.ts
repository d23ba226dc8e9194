// React access to the editor's store. The store comes from context, so every editor instance (and
// every test) has its own; components select only the slice they render.
import { createContext, useContext } from 'react';
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
