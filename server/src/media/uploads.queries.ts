// Files agents uploaded to send, tenant first.
import type { TenantDb } from '../db/tenant-db';

export type UploadRow = { id: string; storage_key: string; mime_type: string; file_name: string; size: number; created_at: Date };

export async function insertUpload(tdb: TenantDb, row: Omit<UploadRow, 'created_at'> & { created_by: string }): Promise<UploadRow> {
  const [created] = await tdb.insert('media_uploads', row).returning(['id', 'storage_key', 'mime_type', 'file_name', 'size', 'created_at']);
  return created;
}

export const findUpload = (tdb: TenantDb, id: string): Promise<UploadRow | undefined> =>
  tdb.from('media_uploads').where({ id }).first('id', 'storage_key', 'mime_type', 'file_name', 'size', 'created_at');
