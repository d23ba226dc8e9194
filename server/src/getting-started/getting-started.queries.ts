// What a new workspace has done of its first steps, read from what exists: a channel (not the test
// chat's own), a published flow, a real (not test-chat) conversation, a second member or a pending invitation.
import { MANAGED_CHANNEL_SQL, managedChannels } from '../channels/channels.queries';
import type { TenantDb } from '../db/tenant-db';

export type FirstSteps = { channel: boolean; flow: boolean; conversation: boolean; team: boolean };

export async function firstSteps(tdb: TenantDb, userId: string): Promise<FirstSteps> {
  const res = await tdb.raw(
    `SELECT
       EXISTS (SELECT 1 FROM channels WHERE tenant_id = :tenant AND ${MANAGED_CHANNEL_SQL}) AS channel,
       EXISTS (SELECT 1 FROM flows WHERE tenant_id = :tenant AND deleted_at IS NULL AND published_version_id IS NOT NULL) AS flow,
       EXISTS (SELECT 1 FROM conversations WHERE tenant_id = :tenant AND test_flow_version_id IS NULL) AS conversation,
       (EXISTS (SELECT 1 FROM memberships WHERE tenant_id = :tenant AND user_id <> :user)
         OR EXISTS (SELECT 1 FROM invitations WHERE tenant_id = :tenant AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now())) AS team`,
    { tenant: tdb.tenantId, user: userId },
  );
  return res.rows[0] as FirstSteps;
}

/** A web-chat channel of the workspace (not the test chat's) whose page /try/{id} lets the owner talk to the bot. */
export async function tryChannelId(tdb: TenantDb): Promise<string | null> {
  const row = await managedChannels(tdb).where({ type: 'webchat', status: 'active' }).orderBy('created_at').first('id');
  return row?.id ?? null;
}
