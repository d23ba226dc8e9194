// GET /v1/members for the inbox: assign-to pickers, presence dots and load. Presence comes from
// Redis; without Redis everyone reads as offline rather than the list failing.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import type { Logger } from '../log/logger';
import type { PresenceStatus, PresenceStore } from '../presence/presence.store';
import { listMembers as listRows } from './members.queries';

export type MembersDeps = { db: Knex; presence: PresenceStore; log: Logger };

export async function listMembers(deps: MembersDeps, tenantId: string) {
  const rows = await listRows(forTenant(deps.db, tenantId));
  const presence = await deps.presence.get(tenantId, rows.map((r) => r.user_id)).catch((err) => {
    deps.log.warn({ err: (err as Error).message }, 'presence unavailable; members read as offline');
    return new Map<string, PresenceStatus>();
  });
  return {
    items: rows.map((r) => ({
      userId: r.user_id, email: r.email, name: r.name, role: r.role, teamIds: r.team_ids,
      presence: presence.get(r.user_id) ?? 'offline', openCount: r.open_count,
    })),
  };
}
