// The audit log: critical actions in a workspace (roles, removals, keys, channel credentials, publishes,
// consent recorded by hand, contact fields renamed or deleted (on every contact at once), templates edited or deleted at Meta, webhook endpoints and the AI provider:
// both decide where the workspace's conversations are sent).
// Written in the caller's transaction when there is one, so a logged action is one that happened.
import type { TenantDb } from '../db/tenant-db';
import { uuidOrNullSql } from '../db/uuid';

export type AuditAction =
  | 'member.invited' | 'member.joined' | 'member.role_changed' | 'member.removed' | 'invitation.revoked'
  | 'api_key.created' | 'api_key.revoked'
  | 'channel.created' | 'channel.updated' | 'channel.credentials_changed' | 'channel.disabled' | 'channel.enabled' | 'channel.deleted'
  | 'flow.published'
  | 'template.edited' | 'template.deleted'
  | 'contact.opted_out' | 'contact.opted_in'
  | 'contact_field.renamed' | 'contact_field.deleted'
  | 'workspace.renamed'
  | 'webhook_endpoint.created' | 'webhook_endpoint.updated' | 'webhook_endpoint.secret_rotated' | 'webhook_endpoint.deleted'
  | 'ai_settings.changed';

export type AuditEntry = {
  actorUserId: string | null;
  action: AuditAction;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
};

export async function recordAudit(tdb: TenantDb, e: AuditEntry): Promise<void> {
  await tdb.insert('audit_logs', {
    actor_user_id: e.actorUserId, action: e.action, target_type: e.targetType, target_id: e.targetId, data: JSON.stringify(e.data ?? {}),
  });
}

export type AuditRow = {
  id: string; action: string; target_type: string | null; target_id: string | null; data: Record<string, unknown>;
  created_at: Date; actor_user_id: string | null; actor_name: string | null; actor_email: string | null;
  target_name: string | null;
};

/** The target's id as a uuid when the row's target is of `type` (ids are stored as text), else NULL. */
const targetOf = (tdb: TenantDb, type: 'user' | 'contact' | 'tenant' | 'flow') =>
  tdb.raw(`CASE WHEN audit_logs.target_type = '${type}' THEN ${uuidOrNullSql('audit_logs.target_id')} END`);

/**
 * Targets named by an address rather than a row: an endpoint (often deleted since) by its URL, the AI
 * provider by its base URL, each as the entry recorded it.
 */
const labelInData = "CASE audit_logs.target_type WHEN 'webhook_endpoint' THEN audit_logs.data->>'url' WHEN 'ai_settings' THEN audit_logs.data->>'baseUrl' END";

/** Newest first; `before` is the id of the last row of the previous page. */
export const listAudit = (tdb: TenantDb, before: number | undefined, limit: number): Promise<AuditRow[]> =>
  tdb
    .from('audit_logs')
    .leftJoin('users', 'users.id', 'audit_logs.actor_user_id')
    // Whom or what it was done to, by name as it is now: a member, a contact, the workspace, a flow.
    .leftJoin('users as target_user', (j) => { j.on('target_user.id', '=', targetOf(tdb, 'user')); })
    .leftJoin('contacts', (j) => { j.on(tdb.raw('contacts.tenant_id = audit_logs.tenant_id')).andOn('contacts.id', '=', targetOf(tdb, 'contact')); })
    .leftJoin('tenants', (j) => { j.on(tdb.raw('tenants.id = audit_logs.tenant_id')).andOn('tenants.id', '=', targetOf(tdb, 'tenant')); })
    .leftJoin('flows', (j) => { j.on(tdb.raw('flows.tenant_id = audit_logs.tenant_id')).andOn('flows.id', '=', targetOf(tdb, 'flow')); })
    .modify((b) => (before ? b.where('audit_logs.id', '<', before) : b))
    .orderBy('audit_logs.id', 'desc')
    .limit(limit)
    .select('audit_logs.id', 'audit_logs.action', 'audit_logs.target_type', 'audit_logs.target_id', 'audit_logs.data',
      'audit_logs.created_at', 'audit_logs.actor_user_id', 'users.name as actor_name', 'users.email as actor_email',
      tdb.raw(`COALESCE(NULLIF(target_user.name, ''), target_user.email, contacts.name, contacts.phone, tenants.name, flows.name, ${labelInData}) AS target_name`));
