// Flow documents in a key rotation (`npm run secrets:reseal`): their credentials are sealed inside the
// document (see flow-secrets), possibly several per row, so each draft and version is re-sealed whole.
// Only documents that hold a sealed value are read.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import type { SealedDocuments } from '../security/reseal';
import { resealSecrets } from './flow-secrets';

function documents(table: 'flows' | 'flow_versions', column: 'draft' | 'document'): SealedDocuments {
  return {
    page: (db: Knex, afterId, limit) =>
      db(table)
        .whereRaw(`${column}::text LIKE '%"sealed:%'`)
        .modify((q) => afterId && q.where('id', '>', afterId))
        .orderBy('id')
        .limit(limit)
        .select('id', 'tenant_id', `${column} as doc`),
    reseal: resealSecrets,
    replace: async (db, row, doc) =>
      (await forTenant(db, row.tenant_id)
        .from(table)
        .where({ id: row.id })
        .whereRaw(`${column} = ?::jsonb`, [JSON.stringify(row.doc)])
        .update({ [column]: JSON.stringify(doc) })) === 1,
  };
}

export const FLOW_DOCUMENTS = {
  'flows.draft': documents('flows', 'draft'),
  'flow_versions.document': documents('flow_versions', 'document'),
} satisfies Record<string, SealedDocuments>;
