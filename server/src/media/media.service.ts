// Opening a stored media file for an agent: a short-lived signed URL, so the bytes go from storage
// to the browser directly and a leaked link stops working within minutes.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { AppError, notFound } from '../http/app-error';
import type { ObjectStore } from '../storage/object-store';
import { isWorkspaceKey } from './media-link';
import { findConversationMessageMedia } from './media.queries';

export const INBOX_MEDIA_TTL_SECONDS = 5 * 60;

export async function openMessageMedia(db: Knex, objects: ObjectStore, tenantId: string, conversationId: string, messageId: string) {
  // Tenant-scoped lookup: another workspace's message is indistinguishable from a missing one.
  const msg = await findConversationMessageMedia(forTenant(db, tenantId), conversationId, messageId);
  const media = msg?.media;
  if (!media) throw notFound('Media');
  if (media.status === 'failed') throw new AppError('not_found', 'The media could not be stored', { status: 'failed', reason: media.error ?? null });
  if (media.status !== 'stored' || !media.storageKey) throw new AppError('conflict', 'The media is still being downloaded', { status: 'pending' });
  // Written by this server, but a payload is no place to trust a key from: the same check as sends.
  if (!isWorkspaceKey(tenantId, media.storageKey)) throw notFound('Media');
  const expiresAt = new Date(Date.now() + INBOX_MEDIA_TTL_SECONDS * 1000);
  const mimeType = media.mimeType ?? 'application/octet-stream';
  const url = await objects.signedUrl(media.storageKey, INBOX_MEDIA_TTL_SECONDS, { contentType: mimeType, filename: media.filename });
  return { url, mimeType, expiresAt: expiresAt.toISOString() };
}
