// Pure mapping from rows to the public JSON shapes (camelCase).
import type { Problem } from '@zyntra/flows-schema';
import { maskSecrets } from './flow-secrets';
import type { FlowSummaryRow, FlowViewRow, VersionRow } from './flows.queries';

export type FlowStatus = 'draft' | 'published';

const statusOf = (row: { published_version_id: string | null }): FlowStatus =>
  row.published_version_id ? 'published' : 'draft';

export function toFlowView(row: FlowViewRow, problems: Problem[]) {
  return {
    id: row.id,
    name: row.name,
    document: maskSecrets(row.draft),
    status: statusOf(row),
    revision: row.revision,
    publishedVersion: row.published_version,
    publishedVersionId: row.published_version_id,
    hasUnpublishedChanges: row.has_unpublished_changes,
    problems,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type FlowView = ReturnType<typeof toFlowView>;

export function toFlowSummary(row: FlowSummaryRow) {
  return {
    id: row.id,
    name: row.name,
    status: statusOf(row),
    revision: row.revision,
    publishedVersion: row.published_version,
    hasUnpublishedChanges: row.has_unpublished_changes,
    triggerKeywords: (row.trigger_keywords ?? []).filter((k): k is string => typeof k === 'string'),
    updatedAt: row.updated_at,
    createdAt: row.created_at,
  };
}

export function toVersionView(row: VersionRow) {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    publishedBy: row.published_by ? { id: row.published_by, name: row.published_by_name ?? '' } : null,
  };
}
