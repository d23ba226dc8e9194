// Typed access to one node's config for its panel (Dify's use<Type>Config idea): read with a
// narrow selector, write through the store's updateConfig (one merged undo entry while typing).
import type { NodeConfig, NodeType } from '@zyntra/flows-schema';
import { useCallback } from 'react';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';

export interface NodeConfigApi<T extends NodeType> {
  config: NodeConfig<T>;
  /** Shallow-merges into the latest config (not the rendered one, so quick edits never clobber). */
  patch(change: Partial<NodeConfig<T>>): void;
}

export function useNodeConfig<T extends NodeType>(nodeId: string, type: T): NodeConfigApi<T> {
  const config = useFlowStore((s) => s.nodes.find((n) => n.id === nodeId)?.data.config) as NodeConfig<T>;
  return { config, patch: useNodeConfigPatch(nodeId, type) };
}

/**
 * Only the writer, with no subscription: a panel part that gets its values from elsewhere does not
 * re-render on every keystroke in another field of the same step.
 */
export function useNodeConfigPatch<T extends NodeType>(nodeId: string, _type: T): NodeConfigApi<T>['patch'] {
  const store = useFlowStoreApi();
  return useCallback(
    (change: Partial<NodeConfig<T>>) => {
      const current = store.getState().nodes.find((n) => n.id === nodeId)?.data.config;
      if (current) store.getState().updateConfig(nodeId, { ...current, ...change } as NodeConfig, Object.keys(change).join(','));
    },
    [store, nodeId],
  );
}

/** Replaces item `index` of a list immutably. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}
