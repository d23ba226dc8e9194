// LGPD requests for one contact: everything held about them, as JSON; and erasure. Erasure keeps the
// conversations and messages (reports and the agents' history stay whole) but anonymizes them: the
// contact row loses every personal field and its WhatsApp id, message texts, payloads and the
// provider's raw copies are emptied, the files they sent are deleted from storage, the stored raw
// webhooks for that person are deleted and their flow sessions end.
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { isWorkspaceKey } from '../media/media-link';
import type { ObjectStore } from '../storage/object-store';
import { publishEvents } from '../events/publish';
import { notFound } from '../http/app-error';
import * as q from './contacts.queries';
import { contactView } from './contacts.service';

const MAX_EXPORTED_MESSAGES = 50_000;

export async function exportContactData(db: Knex, tenantId: string, id: string) {
  const tdb = forTenant(db, tenantId);
  const contact = await q.findContact(tdb, id);
  if (!contact) throw notFound('Contact');
  const conversations: Array<{ id: string; channel_id: string; status: string; created_at: Date }> = await tdb.from('conversations').where({ contact_id: id }).orderBy('created_at').select('id', 'channel_id', 'status', 'created_at');
  const messages: Array<Record<string, unknown> & { conversation_id: string; created_at: Date }> = await tdb.from('messages').whereIn('conversation_id', conversations.map((c) => c.id)).orderBy('created_at')
    .limit(MAX_EXPORTED_MESSAGES).select('id', 'conversation_id', 'direction', 'author', 'type', 'text', 'status', 'created_at');
  return {
    exportedAt: new Date().toISOString(),
    contact: contactView(contact),
    conversations: conversations.map((c) => ({
      id: c.id, channelId: c.channel_id, status: c.status, createdAt: new Date(c.created_at).toISOString(),
      messages: messages.filter((m) => m.conversation_id === c.id).map((m) => ({
        id: m.id, direction: m.direction, author: m.author, type: m.type, text: m.text, status: m.status, createdAt: new Date(m.created_at).toISOString(),
      })),
    })),
  };
}

/**
 * Files the person sent (downloaded from the provider into storage). Agents' uploads and a flow's
 * files are the business's, possibly shared by many chats: they stay.
 */
async function receivedFiles(tx: TenantDb, conversationIds: string[]): Promise<string[]> {
  const rows: Array<{ key: string | null }> = await tx.from('messages').whereIn('conversation_id', conversationIds).where({ direction: 'in' })
    .whereRaw("payload->'media'->>'storageKey' IS NOT NULL").select(tx.raw("payload->'media'->>'storageKey' AS key"));
  return rows.flatMap((r) => (r.key && isWorkspaceKey(tx.tenantId, r.key) ? [r.key] : []));
}

/** Erases the contact; answers the stored files storage failed to delete (for the caller to log). */
export async function eraseContact(db: Knex, objects: Pick<ObjectStore, 'delete'>, actor: { tenantId: string; userId: string }, id: string): Promise<string[]> {
  const files = await forTenant(db, actor.tenantId).transaction(async (tx) => {
    const contact = await q.findContact(tx, id);
    if (!contact) throw notFound('Contact');
    const conversationIds = (await tx.from('conversations').where({ contact_id: id }).select('id')).map((c: { id: string }) => c.id);
    const keys = await receivedFiles(tx, conversationIds);
    await tx.from('messages').whereIn('conversation_id', conversationIds).update({ text: null, payload: '{}', raw: null, error: null });
    await tx.from('flow_sessions').whereIn('conversation_id', conversationIds).delete();
    await tx.from('conversations').whereIn('id', conversationIds).update({ status: 'closed', updated_at: new Date() });
    await tx.from('inbound_events').where({ channel_id: contact.channel_id, conversation_key: `${contact.channel_id}:${contact.external_id}` }).delete();
    await tx.from('contacts').where({ id }).update({
      external_id: `erased:${id}`, aliases: [], name: null, phone: null, phone_e164: null, tags: [], attributes: '{}', erased_at: new Date(), name_edited_at: null,
    });
    await tx.insert('audit_logs', { action: 'contact.erased', actor_user_id: actor.userId, target_type: 'contact', target_id: id });
    await publishEvents(tx, [{ type: 'contact.updated', payload: { contactId: id, conversationId: conversationIds.at(-1) ?? null, name: null, tags: [], erased: true, by: actor.userId } }]);
    return keys;
  });
  // After the commit, when no row names these files any more. The erasure stands if storage fails
  // on one: the file is reported, not the request failed.
  const left: string[] = [];
  for (const key of files) await objects.delete(key).catch(() => left.push(key));
  return left;
}
