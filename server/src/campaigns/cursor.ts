// Opaque cursors for the recipients list (the last recipient id seen).
import { isUuid } from '../db/uuid';
import { AppError } from '../http/app-error';

export const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw new AppError('validation_failed', 'The cursor is not valid');
  return id;
}
