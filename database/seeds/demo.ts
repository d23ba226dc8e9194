// Demo workspace for a first start: one tenant, its owner, and (as features land) sample data.
// Idempotent: a second run finds the owner and changes nothing.
import type { Knex } from 'knex';

export type DemoSeedInput = {
  email: string;
  passwordHash: string;
  workspaceName?: string;
  ownerName?: string;
};

export type DemoSeedResult = { created: boolean; tenantId: string; userId: string };

export async function seedDemoWorkspace(db: Knex, input: DemoSeedInput): Promise<DemoSeedResult> {
  const existing = await db('users').whereRaw('lower(email) = lower(?)', [input.email]).first('id');
  if (existing) {
    const membership = await db('memberships').where({ user_id: existing.id }).first('tenant_id');
    return { created: false, tenantId: membership?.tenant_id, userId: existing.id };
  }
  return db.transaction(async (trx) => {
    const [tenant] = await trx('tenants').insert({ name: input.workspaceName ?? 'Loja Demo' }).returning('id');
    const [user] = await trx('users')
      .insert({ email: input.email, name: input.ownerName ?? 'Demo Owner', password_hash: input.passwordHash })
      .returning('id');
    await trx('memberships').insert({ tenant_id: tenant.id, user_id: user.id, role: 'owner' });
    return { created: true, tenantId: tenant.id, userId: user.id };
  });
}
