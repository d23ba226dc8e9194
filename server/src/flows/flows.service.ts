// Flow rules: drafts are saved whatever their problems, guarded by an optimistic revision;
// publishing freezes a valid draft into an immutable, numbered version; import accepts only a
// valid flow. Knows no HTTP: failures are AppErrors with a stable code.
import { isDeepStrictEqual } from 'node:util';
import type { Knex } from 'knex';
import { emptyFlow, flowJsonSchema, hasErrors, migrateFlow, slugify, validateFlow, type Problem } from '@zyntra/flows-schema';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError, notFound } from '../http/app-error';
import { conversationsByFlow } from './flow-analytics.queries';
import { templateProblemsOf } from './flow-template-problems';
import { hasOversizedSecret, keepSecrets, maskSecrets, sealSecrets } from './flow-secrets';
import type { Sealer } from '../security/seal';
import { assertFlowWithinLimits, assertIncomingFlowFits } from './flows.limits';
import * as q from './flows.queries';
import type { CreateFlowInput, ImportFlowInput, SaveFlowInput } from './flows.schemas';
import { toFlowSummary, toFlowView, toVersionView, type FlowView } from './flows.view';
import { withRoomFor } from '../limits/workspace-caps';

export type FlowsDeps = { db: Knex; sealer: Sealer };
export type Actor = { userId: string; tenantId: string };

const flowNotFound = () => notFound('Flow');

const staleRevision = (currentRevision: number) =>
  new AppError('stale_revision', 'The flow was changed by someone else since you loaded it', { currentRevision });

function flowInvalid(problems: Problem[], action: string): AppError {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return new AppError('flow_invalid', `The flow has ${errors} problem(s) to fix before it can be ${action}`, { problems });
}

const tenantDb = (deps: FlowsDeps, actor: Actor): TenantDb => forTenant(deps.db, actor.tenantId);

async function viewOf(tdb: TenantDb, id: string): Promise<FlowView> {
  const row = await q.findFlow(tdb, id);
  if (!row) throw flowNotFound();
  return toFlowView(row, validateFlow(row.draft));
}

/**
 * The form a draft is stored and exported in: parsed by the current schema (defaults filled, keys in
 * schema order) when it parses at all, as it is otherwise. So an export imports and exports again
 * byte for byte, and a draft equals its published version exactly when nothing was changed.
 */
export function canonicalDraft(draft: unknown): unknown {
  const migrated = migrateFlow(draft);
  return 'doc' in migrated ? migrated.doc : draft;
}

/**
 * A document as it is stored: a credential sent back masked keeps the value stored before, a typed
 * one is sealed. One too long to fit its field once sealed is refused, with the problem the editor
 * shows for it, rather than stored in a form no one could publish. (A step whose config does not
 * parse gets no content checks: then its errors, which hide that one, are what is listed.)
 */
function storedForm(deps: FlowsDeps, document: unknown, stored: unknown): unknown {
  const kept = keepSecrets(document, stored);
  if (hasOversizedSecret(kept)) {
    const errors = validateFlow(kept).filter((p) => p.severity === 'error');
    const tooLong = errors.filter((p) => p.code === 'secret_too_long');
    throw flowInvalid(tooLong.length > 0 ? tooLong : errors, 'saved');
  }
  return sealSecrets(kept, deps.sealer);
}

async function create(tdb: TenantDb, actor: Actor, name: string, draft: unknown): Promise<FlowView> {
  const row = await withRoomFor(tdb, 'flows', (tx) => q.insertFlow(tx, { name, draft: canonicalDraft(draft), created_by: actor.userId }));
  return viewOf(tdb, row.id);
}

export async function createFlow(deps: FlowsDeps, actor: Actor, input: CreateFlowInput): Promise<FlowView> {
  if (input.document) assertIncomingFlowFits(input.document);
  return create(tenantDb(deps, actor), actor, input.name, input.document ? storedForm(deps, input.document, null) : emptyFlow());
}

export async function listFlows(deps: FlowsDeps, actor: Actor) {
  const tdb = tenantDb(deps, actor);
  const [rows, counts] = await Promise.all([q.listFlows(tdb), conversationsByFlow(tdb, new Date(Date.now() - 7 * 86_400_000))]);
  const byFlow = new Map(counts.map((c) => [c.flow_id, c.n]));
  return rows.map((row) => ({ ...toFlowSummary(row), conversationsLast7Days: byFlow.get(row.id) ?? 0 }));
}

export const getFlow = (deps: FlowsDeps, actor: Actor, id: string) => viewOf(tenantDb(deps, actor), id);

/** Writes a new draft; with baseRevision, only if nobody saved since that revision. */
async function writeDraft(
  tdb: TenantDb,
  actor: Actor,
  id: string,
  change: { draft: unknown; name?: string; baseRevision?: number },
): Promise<FlowView> {
  return tdb.transaction(async (tx) => {
    const draft = canonicalDraft(change.draft);
    const saved = await q.updateDraft(tx, id, { draft, name: change.name, updated_by: actor.userId }, change.baseRevision);
    if (!saved) {
      const current = await q.findFlow(tx, id);
      if (!current) throw flowNotFound();
      throw staleRevision(current.revision);
    }
    return viewOf(tx, id);
  });
}

export async function saveFlow(deps: FlowsDeps, actor: Actor, id: string, input: SaveFlowInput): Promise<FlowView> {
  assertIncomingFlowFits(input.document);
  const tdb = tenantDb(deps, actor);
  // The revision check still guards the write.
  const draft = storedForm(deps, input.document, (await q.findFlow(tdb, id))?.draft);
  return writeDraft(tdb, actor, id, { draft, name: input.name, baseRevision: input.baseRevision });
}

export async function renameFlow(deps: FlowsDeps, actor: Actor, id: string, name: string): Promise<FlowView> {
  const tdb = tenantDb(deps, actor);
  if (!(await q.renameFlow(tdb, id, name, actor.userId))) throw flowNotFound();
  return viewOf(tdb, id);
}

export async function deleteFlow(deps: FlowsDeps, actor: Actor, id: string): Promise<void> {
  await tenantDb(deps, actor).transaction(async (tx) => {
    const name = await q.softDeleteFlow(tx, id);
    if (name === null) throw flowNotFound();
    await q.insertAudit(tx, { actor_user_id: actor.userId, action: 'flow.deleted', target_id: id, data: { name } });
  });
}

export async function duplicateFlow(deps: FlowsDeps, actor: Actor, id: string): Promise<FlowView> {
  const tdb = tenantDb(deps, actor);
  const source = await q.findFlow(tdb, id);
  if (!source) throw flowNotFound();
  assertFlowWithinLimits(source.draft);
  return create(tdb, actor, `${source.name} (copy)`, source.draft);
}

/**
 * Freezes the current draft as the next version. The flow row stays locked for the whole
 * transaction, so concurrent publishes of one flow get consecutive numbers. A draft identical to
 * the live version is not published again: the answer names the live version, `unchanged`.
 */
export async function publishFlow(deps: FlowsDeps, actor: Actor, id: string, baseRevision?: number) {
  return tenantDb(deps, actor).transaction(async (tx) => {
    const flow = await q.lockFlow(tx, id);
    if (!flow) throw flowNotFound();
    if (baseRevision !== undefined && baseRevision !== flow.revision) throw staleRevision(flow.revision);
    assertFlowWithinLimits(flow.draft); // a draft stored before the limits existed
    const problems = validateFlow(flow.draft);
    if (hasErrors(problems)) throw flowInvalid(problems, 'published');
    // A valid draft parses; the version keeps the parsed form, with every default filled in.
    const migrated = migrateFlow(flow.draft);
    if ('problems' in migrated) throw flowInvalid(migrated.problems, 'published');
    if (flow.published_version_id) {
      const live = await q.findVersionDocument(tx, id, flow.published_version_id);
      if (live && isDeepStrictEqual(live.document, migrated.doc)) {
        return { version: toVersionView((await q.findVersion(tx, flow.published_version_id))!), unchanged: true };
      }
    }
    // What WhatsApp would refuse at send time: a step's template gone, not approved, or not fitted.
    const templateProblems = await templateProblemsOf(tx, migrated.doc);
    if (hasErrors(templateProblems)) throw flowInvalid([...problems, ...templateProblems], 'published');
    const version = (await q.latestVersionNumber(tx, id)) + 1;
    const versionId = await q.insertVersion(tx, { flow_id: id, version, document: migrated.doc, published_by: actor.userId });
    await q.setPublishedVersion(tx, id, versionId);
    await q.insertAudit(tx, { actor_user_id: actor.userId, action: 'flow.published', target_id: id, data: { versionId, version } });
    const payload = { flowId: id, versionId, version, publishedBy: actor.userId };
    await publishEvents(tx, [{ type: 'flow.published', payload }]);
    const row = await q.findVersion(tx, versionId);
    return { version: toVersionView(row!), unchanged: false };
  });
}

/**
 * The send_template steps' problems against the workspace's templates, for a document the editor
 * holds (its unsaved edits too) or, without one, the saved draft.
 */
export async function templateProblems(deps: FlowsDeps, actor: Actor, id: string, document?: unknown): Promise<Problem[]> {
  if (document !== undefined) assertIncomingFlowFits(document);
  const tdb = tenantDb(deps, actor);
  const row = await q.findFlow(tdb, id);
  if (!row) throw flowNotFound();
  return templateProblemsOf(tdb, document ?? row.draft);
}

export async function listVersions(deps: FlowsDeps, actor: Actor, id: string) {
  const tdb = tenantDb(deps, actor);
  if (!(await q.findFlow(tdb, id))) throw flowNotFound();
  return (await q.listVersions(tdb, id)).map(toVersionView);
}

/** A published version with its document, for the "changes since the live version" view. */
export async function getVersion(deps: FlowsDeps, actor: Actor, id: string, versionId: string) {
  const row = await q.findVersionWithDocument(tenantDb(deps, actor), id, versionId);
  if (!row) throw notFound('Version');
  return { ...toVersionView(row), document: maskSecrets(row.document) };
}

export async function restoreVersion(deps: FlowsDeps, actor: Actor, id: string, versionId: string, baseRevision?: number) {
  const tdb = tenantDb(deps, actor);
  return tdb.transaction(async (tx) => {
    if (!(await q.findFlow(tx, id))) throw flowNotFound();
    const version = await q.findVersionDocument(tx, id, versionId);
    if (!version) throw notFound('Version');
    assertFlowWithinLimits(version.document);
    const view = await writeDraft(tx, actor, id, { draft: version.document, baseRevision });
    await q.insertAudit(tx, { actor_user_id: actor.userId, action: 'flow.version_restored', target_id: id, data: { versionId } });
    return view;
  });
}

export async function exportFlow(deps: FlowsDeps, actor: Actor, id: string) {
  const row = await q.findFlow(tenantDb(deps, actor), id);
  if (!row) throw flowNotFound();
  return { filename: `${slugify(row.name)}.zyntra.json`, document: maskSecrets(canonicalDraft(row.draft)) };
}

/** Imports bring a file from elsewhere: it is upgraded to the current schema and must be valid. */
export async function importFlow(deps: FlowsDeps, actor: Actor, input: ImportFlowInput): Promise<FlowView> {
  assertIncomingFlowFits(input.document);
  const migrated = migrateFlow(input.document);
  if ('problems' in migrated) throw flowInvalid(migrated.problems, 'imported');
  const problems = validateFlow(migrated.doc);
  if (hasErrors(problems)) throw flowInvalid(problems, 'imported');
  return create(tenantDb(deps, actor), actor, input.name, storedForm(deps, migrated.doc, null));
}

let cachedSchema: Record<string, unknown> | undefined;
/** The document's JSON Schema; it only changes with a deploy, so it is built once. */
export const flowSchema = () => (cachedSchema ??= flowJsonSchema());
