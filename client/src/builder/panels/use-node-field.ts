// One field of one node's config, for a panel part that edits only that field: it re-renders when
// that field changes, not on every keystroke elsewhere in the panel (the card for a 300-step flow
// stays cheap to type in).
import type { NodeConfig, NodeType } from '@zyntra/flows-schema';
import { useCallback } from 'react';
import { nodeDataOf } from '../canvas/canvas-nodes';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';

export function useNodeField<T extends NodeType, K extends keyof NodeConfig<T> & string>(
  nodeId: string,
  _type: T,
  key: K,
): [NodeConfig<T>[K], (value: NodeConfig<T>[K]) => void] {
  const store = useFlowStoreApi();
  const value = useFlowStore((s) => (nodeDataOf(s.nodes, nodeId)?.config as NodeConfig<T> | undefined)?.[key]) as NodeConfig<T>[K];
  const set = useCallback(
    (next: NodeConfig<T>[K]) => {
      const current = nodeDataOf(store.getState().nodes, nodeId)?.config;
      if (current) store.getState().updateConfig(nodeId, { ...current, [key]: next } as NodeConfig, key);
    },
    [store, nodeId, key],
  );
  return [value, set];
}
