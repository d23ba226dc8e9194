// Every knex call the inbound runner makes for a conversation, tenant first. The hot path keeps
// each to one statement.
import type { TenantDb } from '../db/tenant-db';
import type { EffectKind } from './effects';
import { prepared } from '../db/prepared';

export type ContactRow = {
  id: string; external_id: string; phone: string | null; name: string | null; tags: string[]; opted_out_at: Date | null; inserted: boolean;
  attributes: Record<string, unknown> | null;
};
export type ConversationRow = {
  id: string; status: 'bot' | 'waiting' | 'human' | 'closed'; contact_id: string; channel_id: string; created: boolean;
  /** A closed conversation the customer wrote in again: back with the bot, same thread. */
  reopened?: boolean;
  /** Reopened after people handled it (it was transferred or taken before it was closed). */
  had_people?: boolean;
  team_id?: string | null;
  /** Set on simulator conversations: the draft snapshot they run, whatever the triggers say. */
  test_flow_version_id: string | null;
  /** Set by an agent's hand-back to a chosen flow: the next customer message starts it. */
  flow_id?: string | null;
};

export const findConversation = (tx: TenantDb, id: string): Promise<ConversationRow | undefined> =>
  tx.from('conversations').where({ id }).first('id', 'status', 'contact_id', 'channel_id', 'test_flow_version_id');

export const findContact = (tx: TenantDb, id: string): Promise<ContactRow | undefined> =>
  tx.from('contacts').where({ id }).first('id', 'external_id', 'phone', 'name', 'tags', 'opted_out_at', 'attributes');

export type SessionRow = {
  id: string; flow_id: string; flow_version_id: string; state: unknown; expires_at: Date | null;
  wake_at: Date | null; wake_token: string | null; wake_kind: string | null;
};

export const findActiveSession = (tx: TenantDb, conversationId: string): Promise<SessionRow | undefined> =>
  tx.from('flow_sessions').where({ conversation_id: conversationId, status: 'active' }).first('id', 'flow_id', 'flow_version_id', 'state', 'expires_at', 'wake_at', 'wake_token', 'wake_kind');

export async function endSession(tx: TenantDb, id: string): Promise<void> {
  await tx.from('flow_sessions').where({ id }).update({ status: 'ended', wake_at: null, updated_at: new Date() });
}

export type Wake = { at: Date; token: string; kind: EffectKind } | null;

export type RunLogRow = { at: string; node_id: string | null; node_type: string | null; outcome: string; error: string | null };

/**
 * Writes the session (insert or update) and its run-log entries in one statement: on the hot
 * path every round trip counts.
 */
export async function saveSession(
  tx: TenantDb,
  row: { id: string | null; conversationId: string; flowId: string; versionId: string; state: unknown; ended: boolean; expiresAt: Date; wake: Wake },
  logs: RunLogRow[] = [],
): Promise<string> {
  const params = {
    tenant: tx.tenantId, id: row.id, conv: row.conversationId, flow: row.flowId, version: row.versionId,
    status: row.ended ? 'ended' : 'active', state: JSON.stringify(row.state), expires: row.expiresAt,
    wakeAt: row.wake?.at ?? null, wakeToken: row.wake?.token ?? null, wakeKind: row.wake?.kind ?? null, logs: JSON.stringify(logs),
  };
  const write = row.id
    ? `UPDATE flow_sessions SET status = :status, state = :state, expires_at = :expires, wake_at = :wakeAt, wake_token = :wakeToken,
         wake_kind = :wakeKind, updated_at = now() WHERE tenant_id = :tenant AND id = :id RETURNING id`
    : `INSERT INTO flow_sessions (tenant_id, conversation_id, flow_id, flow_version_id, status, state, expires_at, wake_at, wake_token, wake_kind)
         VALUES (:tenant, :conv, :flow, :version, :status, :state, :expires, :wakeAt, :wakeToken, :wakeKind) RETURNING id`;
  const res = await tx.raw(
    `WITH s AS (${write}),
     l AS (
       INSERT INTO run_logs (tenant_id, conversation_id, flow_session_id, flow_version_id, at, node_id, node_type, outcome, error)
       SELECT :tenant, :conv, s.id, :version, r.at, r.node_id, r.node_type, r.outcome, r.error
       FROM s, ROWS FROM (jsonb_to_recordset(:logs::jsonb) AS (at timestamptz, node_id text, node_type text, outcome text, error text))
         WITH ORDINALITY AS r(at, node_id, node_type, outcome, error, n)
       ORDER BY r.n
       RETURNING 1)
     SELECT s.id, (SELECT count(*) FROM l)::int AS logged FROM s`,
    params,
  ).options(prepared(row.id ? 'save_session' : 'start_session'));
  return res.rows[0].id;
}

export const loadVersionDocument = (tx: TenantDb, versionId: string): Promise<{ flow_id: string; document: unknown } | undefined> =>
  tx.from('flow_versions').where({ id: versionId }).first('flow_id', 'document');
