// Demo workspace for a first start: one tenant, its owner, a web-chat channel, a published sample
// flow and a few canned responses.
// Idempotent: a second run finds the owner and changes nothing.
import type { Knex } from 'knex';
import { SHOP_HOURS, sampleFlowDocument } from './sample-flow';

export type DemoSeedInput = {
  email: string;
  passwordHash: string;
  workspaceName?: string;
  ownerName?: string;
};

/** Quick replies an agent of the demo shop would keep; the hours match the sample flow's. */
export const DEMO_CANNED_RESPONSES = [
  { shortcut: 'ola', text: 'Olá, {{contact.name}}! Aqui é {{agent.name}}, da Loja Demo. Como posso ajudar?' },
  { shortcut: 'horario', text: SHOP_HOURS },
  { shortcut: 'obrigado', text: 'Obrigado pelo contato, {{contact.name}}! Qualquer coisa, é só chamar por aqui.' },
];

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
    // Typing "/" in the inbox's composer offers these, placeholders filled in for the chat at hand.
    await trx('canned_responses').insert(DEMO_CANNED_RESPONSES.map((c) => ({ tenant_id: tenant.id, created_by: user.id, ...c })));
    return { created: true, tenantId: tenant.id, userId: user.id, webchatChannelId: channel.id };
  });
}
