// Follows publishes of this flow made elsewhere (a colleague, another tab) over the tab's realtime
// line: a moment after `flow.published` names a version the page does not show as live, or after
// the line lost track, the flow is read again and the chip takes its publish state. The document on
// screen, saved or not, is left alone (publish/live-publish.ts).
import { flowsApi } from '../../flows-list/flows-api';
import { useLiveRefresh } from '../../shared/use-live-refresh';
import { isNewPublish, publishStateFrom } from '../publish/live-publish';
import type { FlowMeta } from './useFlowMeta';

export function useLivePublishes(
  flowId: string,
  shownVersionId: string | null,
  savedRevision: () => number,
  updateMeta: (update: (meta: FlowMeta) => FlowMeta) => void,
): void {
  useLiveRefresh(
    (e) => isNewPublish(e, flowId, shownVersionId),
    () => flowsApi.get(flowId).then((read) => {
      const saved = savedRevision();
      updateMeta((meta) => publishStateFrom(meta, read, saved));
    }),
  );
}
