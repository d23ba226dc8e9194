// Every knex call of the flows module, each through a TenantDb so the tenant filter cannot be
// forgotten. Deleted flows (deleted_at set) are invisible to everything here.
import type { TenantDb } from '../db/tenant-db';

export type FlowRow = {
  id: string;
  name: string;
  draft: unknown;
  revision: number;
  published_version_id: string | null;
  created_at: Date;
  updated_at: Date;
};
/** A flow with the number of its published version, if any, and whether the draft differs from it. */
export type FlowViewRow = FlowRow & { published_version: number | null; has_unpublished_changes: boolean };
export type FlowSummaryRow = Omit<FlowViewRow, 'draft'> & { trigger_keywords: unknown[] | null };
export type VersionRow = {
  id: string;
  version: number;
  created_at: Date;
  published_by: string | null;
  published_by_name: string | null;
};

// The trigger's keyword values, read inside PostgreSQL so the list never loads whole documents.
// `silent` makes a draft of an unexpected shape yield [] instead of an error.
const TRIGGER_KEYWORDS = '$.nodes[*] ? (@.type == "trigger").config.keywords[*].value';

const live = (tdb: TenantDb) => tdb.from('flows').whereNull('flows.deleted_at');

const withPublishedVersion = (tdb: TenantDb) =>
  live(tdb).leftJoin('flow_versions as pv', 'pv.id', 'flows.published_version_id');

// Drafts that parse are stored in their parsed form, as versions are, so jsonb equality (which
// ignores key order) tells an edited draft from the live one without loading either document.
const unpublishedChanges = (tdb: TenantDb) =>
  tdb.raw('(pv.id IS NOT NULL AND flows.draft IS DISTINCT FROM pv.document) AS has_unpublished_changes');

export const findFlow = (tdb: TenantDb, id: string): Promise<FlowViewRow | undefined> =>
  withPublishedVersion(tdb).where('flows.id', id).first('flows.*', 'pv.version as published_version', unpublishedChanges(tdb));

/** Locks the flow row until the transaction ends, so publishes of one flow happen one at a time. */
export const lockFlow = (tdb: TenantDb, id: string): Promise<FlowRow | undefined> =>
  live(tdb).where('flows.id', id).forUpdate().first('flows.*');

export const listFlows = (tdb: TenantDb): Promise<FlowSummaryRow[]> =>
  withPublishedVersion(tdb)
    .select(
      'flows.id', 'flows.name', 'flows.revision', 'flows.published_version_id', 'flows.created_at', 'flows.updated_at',
      'pv.version as published_version',
      unpublishedChanges(tdb),
      tdb.raw("jsonb_path_query_array(flows.draft, ?::jsonpath, '{}'::jsonb, true) as trigger_keywords", [TRIGGER_KEYWORDS]),
    )
    .orderBy([{ column: 'flows.updated_at', order: 'desc' }, { column: 'flows.id', order: 'desc' }]);

export async function insertFlow(
  tdb: TenantDb,
  row: { name: string; draft: unknown; created_by: string },
): Promise<FlowRow> {
  const [created] = await tdb
    .insert('flows', { name: row.name, draft: JSON.stringify(row.draft), created_by: row.created_by, updated_by: row.created_by })
    .returning('*');
  return created;
}

/**
 * Replaces the draft and bumps its revision in one statement. With `baseRevision` the row only
 * matches while it still has that revision, so of two concurrent saves exactly one wins.
 * Answers false when nothing matched (unknown flow or stale revision).
 */
export async function updateDraft(
  tdb: TenantDb,
  id: string,
  change: { draft: unknown; name?: string; updated_by: string },
  baseRevision?: number,
): Promise<boolean> {
  const query = live(tdb).where('flows.id', id);
  if (baseRevision !== undefined) query.where('flows.revision', baseRevision);
  const count = await query.update({
    draft: JSON.stringify(change.draft),
    ...(change.name !== undefined ? { name: change.name } : {}),
    revision: tdb.raw('revision + 1'),
    updated_by: change.updated_by,
    updated_at: tdb.raw('now()'),
  });
  return count === 1;
}

export async function renameFlow(tdb: TenantDb, id: string, name: string, userId: string): Promise<boolean> {
  const count = await live(tdb).where('flows.id', id).update({ name, updated_by: userId, updated_at: tdb.raw('now()') });
  return count === 1;
}

/** The deleted flow's name (for the audit log), or null when there was no such live flow. */
export async function softDeleteFlow(tdb: TenantDb, id: string): Promise<string | null> {
  const [row] = await live(tdb).where('flows.id', id).update({ deleted_at: tdb.raw('now()') }).returning('name');
  return (row as { name: string } | undefined)?.name ?? null;
}

export async function setPublishedVersion(tdb: TenantDb, id: string, versionId: string): Promise<void> {
  await live(tdb).where('flows.id', id).update({ published_version_id: versionId, updated_at: tdb.raw('now()') });
}

export async function latestVersionNumber(tdb: TenantDb, flowId: string): Promise<number> {
  const row = await tdb.from('flow_versions').where({ flow_id: flowId }).max('version as max').first();
  return Number(row?.max ?? 0);
}

export async function insertVersion(
  tdb: TenantDb,
  row: { flow_id: string; version: number; document: unknown; published_by: string },
): Promise<string> {
  const [created] = await tdb.insert('flow_versions', { ...row, document: JSON.stringify(row.document) }).returning('id');
  return created.id;
}

// Test snapshots (the builder's simulator) are versions too, but never published ones.
const versions = (tdb: TenantDb) =>
  tdb
    .from('flow_versions')
    .where('flow_versions.is_test', false)
    .leftJoin('users as u', 'u.id', 'flow_versions.published_by')
    .select(
      'flow_versions.id', 'flow_versions.version', 'flow_versions.created_at', 'flow_versions.published_by',
      'u.name as published_by_name',
    );

export const listVersions = (tdb: TenantDb, flowId: string): Promise<VersionRow[]> =>
  versions(tdb).where('flow_versions.flow_id', flowId).orderBy('flow_versions.version', 'desc');

export const findVersion = (tdb: TenantDb, versionId: string): Promise<VersionRow | undefined> =>
  versions(tdb).where('flow_versions.id', versionId).first();

export const findVersionDocument = (tdb: TenantDb, flowId: string, versionId: string): Promise<{ document: unknown } | undefined> =>
  tdb.from('flow_versions').where({ flow_id: flowId, id: versionId, is_test: false }).first('document');

/** One published version with its document (the "what changed since" view compares against it). */
export const findVersionWithDocument = (tdb: TenantDb, flowId: string, versionId: string): Promise<(VersionRow & { document: unknown }) | undefined> =>
  versions(tdb).where({ 'flow_versions.flow_id': flowId, 'flow_versions.id': versionId }).first('flow_versions.document');

export async function insertAudit(
  tdb: TenantDb,
  row: { actor_user_id: string; action: string; target_id: string; data?: Record<string, unknown> },
): Promise<void> {
  await tdb.insert('audit_logs', { ...row, target_type: 'flow', data: JSON.stringify(row.data ?? {}) });
}
