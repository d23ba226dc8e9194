// Every knex call of the media module, tenant first. The media state lives inside the message's
// payload (payload.media), next to what the channel reported, so the inbox reads one row.
import type { TenantDb } from '../db/tenant-db';
import type { InboundMedia } from '../channels/channel-adapter';

export type StoredMediaState = { status: 'stored'; storageKey: string; size: number; mimeType: string };
export type FailedMediaState = { status: 'failed'; error: string };
/** No `status` yet means the download is pending. */
export type MessageMedia = InboundMedia & Partial<Omit<StoredMediaState, 'status'>> & { status?: 'stored' | 'failed'; error?: string };

export type MediaMessageRow = { id: string; conversation_id: string; channel_id: string; media: MessageMedia | null };

const columns = ['id', 'conversation_id', 'channel_id', 'payload'] as const;
const toRow = (r: { id: string; conversation_id: string; channel_id: string; payload: { media?: MessageMedia | null } } | undefined) =>
  r ? { id: r.id, conversation_id: r.conversation_id, channel_id: r.channel_id, media: r.payload?.media ?? null } : undefined;

export async function findMessageMedia(tdb: TenantDb, messageId: string): Promise<MediaMessageRow | undefined> {
  return toRow(await tdb.from('messages').where({ id: messageId }).first(...columns));
}

export async function findConversationMessageMedia(tdb: TenantDb, conversationId: string, messageId: string): Promise<MediaMessageRow | undefined> {
  return toRow(await tdb.from('messages').where({ id: messageId, conversation_id: conversationId }).first(...columns));
}

/**
 * Merges `state` into payload.media, only while the media is still pending: of two racing
 * downloads exactly one records its result. Returns the conversation id when this call won.
 */
export async function settleMedia(tdb: TenantDb, messageId: string, state: StoredMediaState | FailedMediaState): Promise<string | null> {
  const [row] = await tdb
    .from('messages')
    .where({ id: messageId })
    .whereRaw("jsonb_typeof(payload->'media') = 'object' AND payload->'media'->>'status' IS NULL")
    .update({ payload: tdb.raw(`jsonb_set(payload, '{media}', (payload->'media') || ?::jsonb)`, [JSON.stringify(state)]), updated_at: new Date() })
    .returning(['conversation_id']);
  return row?.conversation_id ?? null;
}
