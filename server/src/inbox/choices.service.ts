// What an agent picks from inside a conversation: the published flows it can be handed back to and
// the approved templates of its channel. Agents may not read flows or a channel's templates as such
// (those are the marketers'); these answer only what the inbox shows, and only for a conversation
// of the agent's own workspace (or a channel of it, to write first to a customer).
import type { Knex } from 'knex';
import { channelExists } from '../contacts/contacts.queries';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { notFound } from '../http/app-error';
import { listTemplates } from '../templates/templates.queries';
import { templateView } from '../templates/templates.service';
import { loadConversation } from './conversation-guard';
import { publishedFlowNames } from './inbox.queries';

export async function handbackFlows(db: Knex, tenantId: string, id: string) {
  const tdb = forTenant(db, tenantId);
  await loadConversation(tdb, id);
  return { items: await publishedFlowNames(tdb) };
}

export async function approvedTemplates(db: Knex, tenantId: string, id: string) {
  const tdb = forTenant(db, tenantId);
  const conversation = await loadConversation(tdb, id);
  return approvedOf(tdb, conversation.channel_id);
}

/** The same for a channel, where an agent writes first to a customer (POST /v1/conversations). */
export async function channelApprovedTemplates(db: Knex, tenantId: string, channelId: string) {
  const tdb = forTenant(db, tenantId);
  if (!(await channelExists(tdb, channelId))) throw notFound('Channel');
  return approvedOf(tdb, channelId);
}

async function approvedOf(tdb: TenantDb, channelId: string) {
  const templates = await listTemplates(tdb, channelId);
  return { items: templates.filter((t) => t.status === 'APPROVED').map(templateView) };
}
