// Outbound media kept in our storage (a message node with media.storageKey) is sent to the provider
// as a signed link it can fetch; the key itself never leaves the server.
import { SendError } from '../channels/channel-adapter';
import type { OutboundContent } from '@zyntra/flows-schema';
import type { ObjectStore } from '../storage/object-store';

/** Long enough for a provider that queues the send to still fetch the file; WhatsApp fetches within minutes. */
export const OUTBOUND_MEDIA_TTL_SECONDS = 60 * 60;

/** A key segment as this server writes them (ids, a file's own name): no dots leading, so never `.` or `..`. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * True when the key is one of this workspace's files: under its prefix, every segment plain. A prefix
 * check alone let `t/<mine>/../../t/<theirs>/…` through (storage servers normalise the dots).
 */
export function isWorkspaceKey(tenantId: string, key: string): boolean {
  const prefix = `t/${tenantId}/`;
  return key.startsWith(prefix) && key.length > prefix.length && key.slice(prefix.length).split('/').every((s) => SEGMENT.test(s));
}

type Media = NonNullable<OutboundContent['media']>;

/** A provider's or a visitor's link to a stored file; a document downloads under its own name. */
const signedLink = (objects: ObjectStore, key: string, media: Pick<Media, 'kind' | 'filename'>) =>
  objects.signedUrl(key, OUTBOUND_MEDIA_TTL_SECONDS, { filename: media.kind === 'document' ? media.filename : undefined });

/** Returns the content with media.url set to a fresh signed URL when it names a storage key. */
export async function withSignedMediaLink(objects: ObjectStore, tenantId: string, content: OutboundContent): Promise<OutboundContent> {
  const key = content.media?.storageKey;
  if (!content.media || !key) return content;
  // Flow documents are tenant input: a key outside the tenant's prefix would send another
  // workspace's file, so it is refused rather than signed.
  if (!isWorkspaceKey(tenantId, key)) throw new SendError('permanent', 'media_forbidden', 'The media file does not belong to this workspace');
  return { ...content, media: { ...content.media, url: await signedLink(objects, key, content.media) } };
}

type Payload = { media?: Media | null };

/**
 * What a web-chat visitor's browser gets of a message's media: a link it can open (a fresh signed
 * one when the file is in our storage, a document downloading under its own name), never the
 * storage key (it names the workspace).
 */
export async function visitorPayload<P extends Payload>(objects: ObjectStore, tenantId: string, payload: P): Promise<P> {
  if (!payload.media) return payload;
  const { storageKey, ...media } = payload.media;
  const signed = storageKey && isWorkspaceKey(tenantId, storageKey);
  const url = signed ? await signedLink(objects, storageKey, media) : media.url;
  return { ...payload, media: { ...media, ...(url ? { url } : {}) } };
}
