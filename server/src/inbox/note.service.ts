// Internal notes: never sent to the customer (status 'note': the outbox only sends 'pending'
// messages). A note may call teammates in by mentioning them; their inboxes hear it from the
// note's message.created event.
import { getMessage } from '../conversations/conversations.service';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError } from '../http/app-error';
import { loadConversation, type Actor } from './conversation-guard';
import * as q from './inbox.queries';
import type { InboxDeps } from './reply.service';

export type NoteRequest = { text: string; mentions?: string[] };

/**
 * The mentioned ids, each once, in the order given. An id that is not a member of this workspace, or
 * a member who does not use the inbox (a marketer never sees notes), refuses the note.
 */
async function checkedMentions(tx: TenantDb, ids: string[] | undefined): Promise<string[]> {
  const unique = [...new Set((ids ?? []).map((id) => id.toLowerCase()))];
  const members = new Set(await q.inboxMembersAmong(tx, unique));
  const strangers = unique.filter((id) => !members.has(id));
  if (strangers.length) throw new AppError('validation_failed', 'Only members of this workspace who use the inbox can be mentioned', { field: 'mentions', unknown: strangers });
  return unique;
}

export async function addNote(deps: InboxDeps, actor: Actor, id: string, input: NoteRequest) {
  const noteId = await forTenant(deps.db, actor.tenantId).transaction(async (tx) => {
    const conv = await loadConversation(tx, id);
    const mentions = await checkedMentions(tx, input.mentions);
    const created = await q.insertAgentMessage(tx, {
      conversation_id: id, channel_id: conv.channel_id, type: 'note', text: input.text, payload: mentions.length ? { mentions } : {},
      status: 'note', author_user_id: actor.userId,
    });
    await publishEvents(tx, [{
      type: 'message.created',
      payload: { conversationId: id, messageId: created.id, author: 'agent', note: true, by: actor.userId, mentions },
    }]);
    return created.id;
  });
  return getMessage(deps.db, actor.tenantId, id, noteId);
}
