// A workspace's own AI provider lives in tenants.settings.llm; the API key is sealed (AES-256-GCM).
import type { Knex } from 'knex';

export type StoredLlmSettings = { baseUrl: string; model: string | null; apiKeyEnc: string | null };

/** `lock` (in a transaction) holds the row until commit; NO KEY, so rows that reference the tenant can still be written. */
export async function readLlmSettings(db: Knex, tenantId: string, opts: { lock?: boolean } = {}): Promise<StoredLlmSettings | null> {
  // tenants is the root table: its id is the tenant id.
  const row = await db('tenants').where({ id: tenantId }).modify((b) => (opts.lock ? b.forNoKeyUpdate() : b)).first('settings');
  const llm = (row?.settings as { llm?: StoredLlmSettings } | undefined)?.llm;
  return llm?.baseUrl ? llm : null;
}

export async function writeLlmSettings(db: Knex, tenantId: string, llm: StoredLlmSettings | null): Promise<void> {
  await db('tenants')
    .where({ id: tenantId })
    .update({ settings: db.raw(llm ? "jsonb_set(settings, '{llm}', ?::jsonb)" : "settings - 'llm'", llm ? [JSON.stringify(llm)] : []) });
}
