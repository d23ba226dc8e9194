// An agent's attachment: checked like inbound media (size, a type we will serve back), kept in
// object storage under the workspace, and sent later by id ({mediaId} on a reply).
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import type { ObjectStore } from '../storage/object-store';
import { MediaRejected, checkContentType } from './media.policy';
import type { UploadedFile } from './upload-body';
import { insertUpload } from './uploads.queries';

export type UploadsDeps = { db: Knex; objects: ObjectStore };

export const uploadKey = (tenantId: string, uploadId: string) => `t/${tenantId}/u/${uploadId}/${randomUUID()}`;

export async function storeUpload(deps: UploadsDeps, actor: { tenantId: string; userId: string }, file: UploadedFile) {
  let mimeType: string;
  try {
    mimeType = checkContentType(file.mimeType);
  } catch (err) {
    if (err instanceof MediaRejected) throw new AppError('unsupported_media_type', err.message);
    throw err;
  }
  const id = randomUUID();
  const storageKey = uploadKey(actor.tenantId, id);
  await deps.objects.put(storageKey, file.bytes, mimeType);
  const row = await insertUpload(forTenant(deps.db, actor.tenantId), {
    id, storage_key: storageKey, mime_type: mimeType, file_name: file.fileName, size: file.bytes.length, created_by: actor.userId,
  });
  return { id: row.id, mime: row.mime_type, fileName: row.file_name, size: row.size, createdAt: new Date(row.created_at).toISOString() };
}
