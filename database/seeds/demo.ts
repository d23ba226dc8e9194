// Demo workspace for a first start: one tenant, its owner, and (as features land) sample data.
// Idempotent: a second run finds the owner and changes nothing.
import type { Knex } from 'knex';
import { sampleFlowDocument } from './sample-flow';

export type DemoSeedInput = {
  email: string;
  passwordHash: string;
  workspaceName?: string;
  ownerName?: string;
};

export type DemoSeedResult = { created: boolean; tenantId: string; userId: string; webchatChannelId: string | null };

export async function seedDemoWorkspace(db: Knex, input: DemoSeedInput): Promise<DemoSeedResult> {
  const existing = await db('users').whereRaw('lower(email) = lower(?)', [input.email]).first('id');
  if (existing) {
    const membership = await db('memberships').where({ user_id: existing.id }).first('tenant_id');
    const channel = await db('channels').where({ tenant_id: membership?.tenant_id, type: 'webchat', name: 'Site da Loja' }).first('id');
    return { created: false, tenantId: membership?.tenant_id, userId: existing.id, webchatChannelId: channel?.id ?? null };
  }
  return db.transaction(async (trx) => {
    const [tenant] = await trx('tenants').insert({ name: input.workspaceName ?? 'Loja Demo' }).returning('id');
    const [user] = await trx('users')
      .insert({ email: input.email, name: input.ownerName ?? 'Demo Owner', password_hash: input.passwordHash })
      .returning('id');
    await trx('memberships').insert({ tenant_id: tenant.id, user_id: user.id, role: 'owner' });
    const [channel] = await trx('channels').insert({ tenant_id: tenant.id, type: 'webchat', name: 'Site da Loja', config: '{}' }).returning('id');
    const document = JSON.stringify(sampleFlowDocument());
    const [flow] = await trx('flows').insert({ tenant_id: tenant.id, name: 'Boas-vindas', draft: document, created_by: user.id }).returning('id');
    const [version] = await trx('flow_versions')
      .insert({ tenant_id: tenant.id, flow_id: flow.id, version: 1, document, published_by: user.id })
      .returning('id');
    await trx('flows').where({ id: flow.id }).update({ published_version_id: version.id });
    return { created: true, tenantId: tenant.id, userId: user.id, webchatChannelId: channel.id };
  });
}
