// "Send a template" steps gained `buttons` (the values of a template's link and coupon buttons),
// defaulted to none. Drafts are stored parsed, so a draft saved from now on carries `buttons: []`
// while the version published from it before does not: "unpublished changes" (draft and live
// version compared as stored) would light up, and Publish would make a new identical version, with
// nothing changed. Every stored step without the field gets the default it parses to, in drafts and
// versions alike; the engine reads a missing one as none, so nothing a customer gets changes.
import type { Knex } from 'knex';

/** `column` of `table` with `change` applied to each send_template node's config (jsonb `c`). */
const rewrite = (table: string, column: string, change: string, when: string) => `
  UPDATE ${table} SET ${column} = jsonb_set(${column}, '{nodes}', (
    SELECT jsonb_agg(CASE WHEN n->>'type' = 'send_template' AND jsonb_typeof(n->'config') = 'object' AND ${when}
      THEN jsonb_set(n, '{config}', ${change}) ELSE n END ORDER BY i)
    FROM jsonb_array_elements(${column}->'nodes') WITH ORDINALITY e(n, i)))
  WHERE jsonb_typeof(${column}->'nodes') = 'array' AND ${column}->'nodes' @> '[{"type": "send_template"}]'`;

export async function up(db: Knex): Promise<void> {
  for (const [table, column] of [['flows', 'draft'], ['flow_versions', 'document']] as const) {
    await db.raw(rewrite(table, column, `(n->'config') || '{"buttons": []}'`, `NOT jsonb_exists(n->'config', 'buttons')`));
  }
}

export async function down(db: Knex): Promise<void> {
  for (const [table, column] of [['flows', 'draft'], ['flow_versions', 'document']] as const) {
    await db.raw(rewrite(table, column, `(n->'config') - 'buttons'::text`, `n->'config'->'buttons' = '[]'::jsonb`));
  }
}
