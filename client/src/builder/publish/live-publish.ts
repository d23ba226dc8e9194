// A flow published while its builder is open (a colleague, or the same marketer in another tab):
// the `flow.published` event names the new version, and the page reads the flow again for its
// publish state. Its own publish answered with that version already, so its event is nothing new.
// The read replaces the chip's facts only, never the document on screen. Pure.
import type { FlowDetail } from '../../flows-list/flows-api';
import type { LiveEvent } from '../../shared/live-events';
import type { FlowMeta } from '../hooks/useFlowMeta';

/** Whether `e` publishes flow `flowId` in a version other than the one the page shows as live. */
export const isNewPublish = (e: LiveEvent, flowId: string, shownVersionId: string | null): boolean =>
  e.type === 'flow.published' && e.flowId === flowId && e.versionId !== shownVersionId;

/**
 * The page's meta with the publish state `read` found. The server judged "unpublished changes" for
 * the draft of `read.revision`; the page's last save holds `savedRevision`. A save of this page
 * answered after the read (a newer revision) judged its own draft against the same live version,
 * so its answer stays; a colleague's newer draft than the page's is not what the page shows, which
 * then differs from the live version. The same object when nothing changed: no re-render.
 */
export function publishStateFrom(meta: FlowMeta, read: FlowDetail, savedRevision: number): FlowMeta {
  const hasUnpublishedChanges =
    read.revision === savedRevision ? read.hasUnpublishedChanges
      : read.revision < savedRevision ? meta.hasUnpublishedChanges
        : read.status === 'published';
  const next: FlowMeta = {
    ...meta,
    status: read.status,
    publishedVersion: read.publishedVersion,
    publishedVersionId: read.publishedVersionId,
    hasUnpublishedChanges,
  };
  const same = next.status === meta.status && next.publishedVersion === meta.publishedVersion
    && next.publishedVersionId === meta.publishedVersionId && next.hasUnpublishedChanges === meta.hasUnpublishedChanges;
  return same ? meta : next;
}
