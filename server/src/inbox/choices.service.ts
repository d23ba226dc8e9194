// What an agent picks from inside a conversation: the published flows it can be handed back to and
// the approved templates of its channel. Agents may not read flows or a channel's templates as such
// (those are the marketers'); these answer only what the inbox shows, and only for a conversation
// of the agent's own workspace.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
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
  const templates = await listTemplates(tdb, conversation.channel_id);
  return { items: templates.filter((t) => t.status === 'APPROVED').map(templateView) };
}
