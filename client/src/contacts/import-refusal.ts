// Why the server refused a whole import file, in the user's language: the `reason` it sends (the
// header has no phone column, a column name that can't be an attribute…) picks the words, with the
// column or limit it names. The English `message` is never shown.
import type { ParseKeys } from 'i18next';
import { errorKey } from '../api/error-text';
import { ApiError } from '../api/errors';

const REASONS = ['file_empty', 'no_phone_column', 'bad_column', 'reserved_column', 'too_many_columns', 'duplicate_column', 'too_many_rows', 'no_channel', 'not_csv'] as const;
type Reason = (typeof REASONS)[number];
const isReason = (r: unknown): r is Reason => REASONS.includes(r as Reason);

export type Refusal = { key: ParseKeys; values: Record<string, string | number> };

export function importRefusal(err: unknown): Refusal {
  const details = err instanceof ApiError ? err.details : {};
  const values: Record<string, string | number> = {};
  if (typeof details.column === 'string') values.column = details.column;
  if (typeof details.limit === 'number') values.limit = details.limit;
  if (err instanceof ApiError && err.code === 'validation_failed' && isReason(details.reason)) return { key: `contacts.importRefused.${details.reason}`, values };
  return { key: errorKey(err) ?? 'contacts.importRefused.other', values: {} };
}
