// Renaming the workspace (owners and admins): the name people see in the switcher and the header,
// recorded in the audit log with the name it had.
import type { Knex } from 'knex';
import { recordAudit } from '../audit/audit.queries';
import { forTenant } from '../db/tenant-db';
import { notFound } from '../http/app-error';

export async function renameWorkspace(db: Knex, caller: { tenantId: string; userId: string }, name: string) {
  return forTenant(db, caller.tenantId).transaction(async (tx) => {
    const found = await tx.raw('SELECT name FROM tenants WHERE id = ? FOR UPDATE', [caller.tenantId]);
    const previous = found.rows[0] as { name: string } | undefined;
    if (!previous) throw notFound('Workspace');
    await tx.raw('UPDATE tenants SET name = ? WHERE id = ?', [name, caller.tenantId]);
    await recordAudit(tx, { actorUserId: caller.userId, action: 'workspace.renamed', targetType: 'tenant', targetId: caller.tenantId, data: { name, previousName: previous.name } });
    return { id: caller.tenantId, name };
  });
}
