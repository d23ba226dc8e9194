// Search ignores accents: a Brazilian typing "joao" or "tenis" finds "João" and "tênis". The name and
// message trigram indexes are rebuilt over search_fold(), an immutable wrapper of unaccent (an
// extension shipped with PostgreSQL; the function itself is only STABLE, so no index may use it).
// On a large messages table the new index takes a while to build; writes to messages wait for it.
import type { Knex } from 'knex';

const MESSAGES_SEARCHED = "author IN ('contact', 'agent') AND text <> ''";

export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public');
  await db.raw(`CREATE OR REPLACE FUNCTION search_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
  await db.raw('CREATE INDEX contacts_name_fold_trgm_idx ON contacts USING gin (search_fold(name) gin_trgm_ops)');
  await db.raw(`CREATE INDEX messages_text_fold_trgm_idx ON messages USING gin (search_fold(text) gin_trgm_ops) WHERE ${MESSAGES_SEARCHED}`);
  await db.raw('DROP INDEX IF EXISTS contacts_name_trgm_idx');
  await db.raw('DROP INDEX IF EXISTS messages_text_trgm_idx');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX IF NOT EXISTS contacts_name_trgm_idx ON contacts USING gin (name gin_trgm_ops)');
  await db.raw(`CREATE INDEX IF NOT EXISTS messages_text_trgm_idx ON messages USING gin (text gin_trgm_ops) WHERE ${MESSAGES_SEARCHED}`);
  await db.raw('DROP INDEX IF EXISTS messages_text_fold_trgm_idx');
  await db.raw('DROP INDEX IF EXISTS contacts_name_fold_trgm_idx');
  await db.raw('DROP FUNCTION IF EXISTS search_fold(text)');
}
