// Every place a sealed secret is stored, for re-sealing after a key rotation. Reading pages of them
// crosses tenants (the key is the installation's, not a workspace's); each row names its tenant and
// the write-back is scoped to it, and only replaces the exact value that was read, so a secret
// changed meanwhile by its workspace is left alone.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';

export type SealedRow = { id: string; tenant_id: string; sealed: string };

export type SealedField = {
  page(db: Knex, afterId: string | null, limit: number): Promise<SealedRow[]>;
  replace(db: Knex, row: SealedRow, resealed: string): Promise<boolean>;
};

/** A text column of a tenant table holding one sealed value per row. */
function column(table: 'channels' | 'webhooks', name: string): SealedField {
  return {
    page: (db, afterId, limit) =>
      db(table)
        .whereNotNull(name)
        .modify((q) => afterId && q.where('id', '>', afterId))
        .orderBy('id')
        .limit(limit)
        .select('id', 'tenant_id', `${name} as sealed`),
    replace: async (db, row, resealed) =>
      (await forTenant(db, row.tenant_id).from(table).where({ id: row.id, [name]: row.sealed }).update({ [name]: resealed })) === 1,
  };
}

// tenants is the root table: its id is the tenant id. The AI key lives in settings.llm.apiKeyEnc.
const aiApiKey: SealedField = {
  page: (db, afterId, limit) =>
    db('tenants')
      .whereRaw("settings->'llm'->>'apiKeyEnc' IS NOT NULL")
      .modify((q) => afterId && q.where('id', '>', afterId))
      .orderBy('id')
      .limit(limit)
      .select('id', 'id as tenant_id', db.raw("settings->'llm'->>'apiKeyEnc' AS sealed")),
  replace: async (db, row, resealed) =>
    (await db('tenants')
      .where({ id: row.tenant_id })
      .whereRaw("settings->'llm'->>'apiKeyEnc' = ?", [row.sealed])
      .update({ settings: db.raw("jsonb_set(settings, '{llm,apiKeyEnc}', to_jsonb(?::text))", [resealed]) })) === 1,
};

export const SEALED_FIELDS = {
  'channels.secrets_enc': column('channels', 'secrets_enc'),
  'webhooks.secret_enc': column('webhooks', 'secret_enc'),
  'webhooks.previous_secret_enc': column('webhooks', 'previous_secret_enc'),
  'tenants.settings.llm.apiKeyEnc': aiApiKey,
} satisfies Record<string, SealedField>;
