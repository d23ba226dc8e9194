// A failed request in the user's language. The server's `message` is English, written for
// developers, so screens never show it: the stable `code` picks the words. Codes every screen words
// the same way live here; a screen adds its own (a team's `conflict` is a duplicate name).
import type { ParseKeys, TFunction } from 'i18next';
import { ApiError } from './errors';

/** Translation keys by error code. */
export type CodeKeys = Partial<Record<string, ParseKeys>>;

const COMMON: CodeKeys = {
  network_error: 'errors.network',
  rate_limited: 'errors.rateLimited',
  unavailable: 'errors.unavailable',
  forbidden: 'errors.forbidden',
  limit_reached: 'errors.limitReached',
};

/** The key for a failed request's code (the screen's own words first), or null for a code no one words. */
export function errorKey(err: unknown, own: CodeKeys = {}): ParseKeys | null {
  if (!(err instanceof ApiError)) return null;
  return own[err.code] ?? COMMON[err.code] ?? null;
}

/** A failed request as one sentence in the UI language; `fallback` (a key) for codes no one words. */
export function errorText(t: TFunction, err: unknown, own: CodeKeys = {}, fallback: ParseKeys = 'errors.unexpected'): string {
  return t(errorKey(err, own) ?? fallback, errorValues(err));
}

/** What a refusal's words name: a workspace cap's `limit` and `resource` (the kind, worded by errors.capped). */
export function errorValues(err: unknown): Record<string, string | number> {
  const { limit, resource } = err instanceof ApiError ? err.details : {};
  return typeof limit === 'number' && typeof resource === 'string' ? { limit, resource } : {};
}
