// Per-node analytics for the overlay. The endpoint is optional: a 404 hides the toggle instead of
// showing an error, so the builder works against servers without it.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';
import type { NodeStats } from '../store/ui-slice';

export const ANALYTICS_PERIODS = [7, 30] as const;
export type AnalyticsPeriod = (typeof ANALYTICS_PERIODS)[number];

const fetchAnalytics = (flowId: string, days: number) =>
  api.get<{ nodes: Record<string, NodeStats> }>(`/v1/flows/${encodeURIComponent(flowId)}/analytics?days=${days}`);

/** Whether analytics exist for this flow; loads them for `days` while the overlay is shown. */
export function useAnalytics(flowId: string, published: boolean, days: AnalyticsPeriod): boolean {
  const store = useFlowStoreApi();
  const show = useFlowStore((s) => s.showAnalytics);
  const [available, setAvailable] = useState(false);

  useEffect(() => {
    if (!published || (available && !show)) return;
    let live = true;
    fetchAnalytics(flowId, days).then(
      (res) => {
        if (!live) return;
        setAvailable(true);
        store.getState().setAnalytics(res.nodes);
      },
      (err: unknown) => {
        if (live && err instanceof ApiError && err.status === 404) setAvailable(false);
      },
    );
    return () => {
      live = false;
    };
  }, [flowId, published, days, show, available, store]);

  return published && available;
}
