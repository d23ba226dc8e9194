// Loads the flow list and performs its actions, keeping the table in sync without refetching; a
// flow published elsewhere (a colleague, the builder in another tab) is read again, in place.
import { useCallback, useEffect, useState } from 'react';
import { useLiveRefresh } from '../shared/use-live-refresh';
import { flowsApi, type FlowDetail, type FlowSummary } from './flows-api';

export type ListState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; flows: FlowSummary[] };

const summaryOf = (f: FlowDetail, keywords: string[] = []): FlowSummary => ({
  id: f.id,
  name: f.name,
  status: f.status,
  revision: f.revision,
  publishedVersion: f.publishedVersion,
  hasUnpublishedChanges: f.hasUnpublishedChanges,
  triggerKeywords: keywords,
  updatedAt: f.updatedAt,
  createdAt: f.createdAt,
});

export function useFlowsList() {
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  /** Reads the list and shows it; what a failed read does is the caller's. */
  const read = useCallback((signal?: AbortSignal) => flowsApi.list(signal).then((flows) => setState({ status: 'ready', flows })), []);

  useEffect(() => {
    const ctrl = new AbortController();
    read(ctrl.signal).catch((err: unknown) => {
      if (!(err instanceof DOMException && err.name === 'AbortError')) setState({ status: 'error' });
    });
    return () => ctrl.abort();
  }, [attempt, read]);

  // No loading state: the table stays as it is until the new list replaces it, or if the read fails.
  useLiveRefresh((e) => e.type === 'flow.published', () => read().catch(() => undefined));

  const update = useCallback((change: (flows: FlowSummary[]) => FlowSummary[]) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', flows: change(s.flows) } : s));
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  const actions = {
    create: (name: string) => flowsApi.create(name),
    rename: async (flow: FlowSummary, name: string) => {
      const saved = await flowsApi.rename(flow.id, name);
      update((list) => list.map((f) => (f.id === flow.id ? { ...f, name: saved.name, updatedAt: saved.updatedAt } : f)));
    },
    duplicate: async (flow: FlowSummary) => {
      const copy = await flowsApi.duplicate(flow.id);
      update((list) => [summaryOf(copy, flow.triggerKeywords), ...list]);
      return copy;
    },
    remove: async (flow: FlowSummary) => {
      await flowsApi.remove(flow.id);
      update((list) => list.filter((f) => f.id !== flow.id));
    },
    importFlow: async (name: string, document: unknown) => {
      const created = await flowsApi.importDocument(name, document);
      // Re-read the list: the server extracts the trigger keywords shown in the table.
      retry();
      return created;
    },
  };
  return { state, retry, actions };
}
