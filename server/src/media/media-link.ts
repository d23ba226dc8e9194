// Outbound media kept in our storage (a message node with media.storageKey) is sent to the provider
// as a signed link it can fetch; the key itself never leaves the server.
import { SendError } from '../channels/channel-adapter';
import type { OutboundContent } from '@zyntra/flows-schema';
import type { ObjectStore } from '../storage/object-store';

/** Long enough for a provider that queues the send to still fetch the file; WhatsApp fetches within minutes. */
export const OUTBOUND_MEDIA_TTL_SECONDS = 60 * 60;

/** Returns the content with media.url set to a fresh signed URL when it names a storage key. */
export async function withSignedMediaLink(objects: ObjectStore, tenantId: string, content: OutboundContent): Promise<OutboundContent> {
  const key = content.media?.storageKey;
  if (!content.media || !key) return content;
  // Flow documents are tenant input: a key outside the tenant's prefix would send another
  // workspace's file, so it is refused rather than signed.
  if (!key.startsWith(`t/${tenantId}/`)) throw new SendError('permanent', 'media_forbidden', 'The media file does not belong to this workspace');
  return { ...content, media: { ...content.media, url: await objects.signedUrl(key, OUTBOUND_MEDIA_TTL_SECONDS) } };
}

type Payload = { media?: OutboundContent['media'] | null };

/**
 * What a web-chat visitor's browser gets of a message's media: a link it can open (a fresh signed
 * one when the file is in our storage), never the storage key (it names the workspace).
 */
export async function visitorPayload<P extends Payload>(objects: ObjectStore, tenantId: string, payload: P): Promise<P> {
  if (!payload.media) return payload;
  const { storageKey, ...media } = payload.media;
  const url = storageKey?.startsWith(`t/${tenantId}/`) ? await objects.signedUrl(storageKey, OUTBOUND_MEDIA_TTL_SECONDS) : media.url;
  return { ...payload, media: { ...media, ...(url ? { url } : {}) } };
}
