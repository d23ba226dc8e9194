// Contact attribute names are one per workspace whatever their letter case: a CSV's "Cidade" and a
// later "cidade" (or an API call, or a flow's Actions step) fill the same attribute, spelled as the
// workspace first wrote it. Each name is kept here under its lower-case form, so a write finds the
// spelling without reading every contact. Filled from the contacts already stored: of two spellings,
// the one more contacts hold (then the older); a contact holding only the other one is re-spelled
// (a contact holding both keeps both values until one is edited: neither is thrown away). Folding is
// done here rather than by Postgres's lower(), which folds only ASCII under the C locale.
import type { Knex } from 'knex';

const key = (name: string) => name.normalize('NFC').toLowerCase();

type Held = { tenant_id: string; name: string; contacts: number; first: Date };

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('contact_attribute_names', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.text('folded').notNullable();
    t.text('name').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['tenant_id', 'folded']);
  });
  const held: Held[] = (await db.raw(
    `SELECT c.tenant_id, k AS name, count(*)::int AS contacts, min(c.created_at) AS first
       FROM contacts c, jsonb_object_keys(c.attributes) k WHERE c.erased_at IS NULL
      GROUP BY 1, 2 ORDER BY 1, 3 DESC, 4, 2`,
  )).rows;
  const chosen = new Map<string, string>();
  for (const h of held) {
    const id = `${h.tenant_id}\u0000${key(h.name)}`;
    if (!chosen.has(id)) {
      chosen.set(id, h.name);
      await db('contact_attribute_names').insert({ tenant_id: h.tenant_id, folded: key(h.name), name: h.name });
      continue;
    }
    const name = chosen.get(id)!;
    await db.raw(
      `UPDATE contacts SET attributes = (attributes - ?::text) || jsonb_build_object(?::text, attributes -> ?::text)
        WHERE tenant_id = ? AND attributes \\? ?::text AND NOT attributes \\? ?::text`,
      [h.name, name, h.name, h.tenant_id, h.name, name],
    );
  }
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('contact_attribute_names');
}
