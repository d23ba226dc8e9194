// An import whose job Redis lost is enqueued again (same job id: one still queued or running is not doubled).
import type { Knex } from 'knex';
import type { Queues } from '../queues/queues';

export const importJobId = (importId: string) => `import-${importId}`;

export async function requeueStalledImports(db: Knex, queues: Queues): Promise<number> {
  const rows: Array<{ id: string; tenant_id: string }> = await db('contact_imports')
    .whereIn('status', ['queued', 'running']).where('created_at', '<', db.raw("now() - interval '2 minutes'")).limit(100).select('id', 'tenant_id');
  for (const r of rows) await queues.contacts.add('import', { task: 'import', tenantId: r.tenant_id, importId: r.id }, { jobId: importJobId(r.id) });
  return rows.length;
}
