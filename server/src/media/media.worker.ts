// The media queue's job: fetch an inbound message's file from its channel, check it, keep it in
// object storage and record where. The job carries ids only and re-reads the message, so a
// duplicate or late job finds the media settled and does nothing.
import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Adapters } from '../channels';
import type { ChannelCache } from '../channels/channel-cache';
import { MediaDownloadError } from '../channels/media-source';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import type { Logger } from '../log/logger';
import type { MediaJob } from '../queues/queue-names';
import type { ObjectStore } from '../storage/object-store';
import { MAX_MEDIA_BYTES, MediaRejected, checkContentType, readLimited, tooLarge } from './media.policy';
import { findMessageMedia, settleMedia, type MediaMessageRow, type MessageMedia } from './media.queries';

export type MediaDeps = { db: Knex; log: Logger; channels: ChannelCache; adapters: Adapters; objects: ObjectStore };

export type MediaOutcome = 'stored' | 'failed' | 'skipped';

/** Where a message's file lives; the random tail keeps a retried upload from overwriting a served one. */
export const mediaKey = (tenantId: string, messageId: string) => `t/${tenantId}/m/${messageId}/${randomUUID()}`;

async function fetchMedia(deps: MediaDeps, msg: MediaMessageRow, media: MessageMedia): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const channel = await deps.channels.get(msg.channel_id);
  if (!channel) throw new MediaRejected('channel_gone', 'The channel no longer exists');
  const adapter = deps.adapters[channel.type];
  if (!adapter?.downloadMedia) throw new MediaRejected('unsupported_channel', `${channel.type} channels cannot download media`);
  const source = await adapter.downloadMedia(channel, media.providerMediaId);
  const mimeType = checkContentType(source.mimeType);
  // Refuse on the announced size before moving a byte; readLimited still guards a wrong announcement.
  if (source.size !== null && source.size > MAX_MEDIA_BYTES) throw tooLarge(source.size);
  const bytes = await readLimited(await source.open(), MAX_MEDIA_BYTES);
  if (source.sha256 && createHash('sha256').update(bytes).digest('hex') !== source.sha256) {
    throw new MediaDownloadError('retry', 'checksum_mismatch', 'Downloaded media does not match the provider checksum');
  }
  return { bytes, mimeType };
}

async function markFailed(tdb: TenantDb, messageId: string, reason: string): Promise<MediaOutcome> {
  await settleMedia(tdb, messageId, { status: 'failed', error: reason });
  return 'failed';
}

/**
 * Runs one download. Rejections and permanent provider errors settle the media as failed at once;
 * transient errors throw for the queue to retry, and settle as failed on the last attempt.
 */
export async function processMediaJob(deps: MediaDeps, job: MediaJob, opts: { finalAttempt: boolean }): Promise<MediaOutcome> {
  const tdb = forTenant(deps.db, job.tenantId);
  const msg = await findMessageMedia(tdb, job.messageId);
  const media = msg?.media;
  if (!msg || !media || media.status) return 'skipped';
  let file: { bytes: Uint8Array; mimeType: string };
  try {
    file = await fetchMedia(deps, msg, media);
  } catch (err) {
    const permanent = err instanceof MediaRejected || (err instanceof MediaDownloadError && err.kind === 'permanent');
    if (!permanent && !opts.finalAttempt) throw err;
    deps.log.warn({ messageId: msg.id, err: (err as Error).message }, 'media not stored');
    return markFailed(tdb, msg.id, (err as Error).message);
  }
  const storageKey = mediaKey(job.tenantId, msg.id);
  await deps.objects.put(storageKey, file.bytes, file.mimeType);
  const won = await tdb.transaction(async (tx) => {
    const conversationId = await settleMedia(tx, msg.id, { status: 'stored', storageKey, size: file.bytes.byteLength, mimeType: file.mimeType });
    if (conversationId) {
      await publishEvents(tx, [
        { type: 'message.media_stored', payload: { messageId: msg.id, conversationId, mimeType: file.mimeType, size: file.bytes.byteLength } },
      ]);
    }
    return Boolean(conversationId);
  });
  // Another run settled it first: our copy is referenced by nothing.
  if (!won) await deps.objects.delete(storageKey).catch(() => {});
  return won ? 'stored' : 'skipped';
}
