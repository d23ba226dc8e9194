// What every provider parser does to a field before it reaches the database, decided per kind of
// field. PostgreSQL refuses NUL in text and jsonb, and jsonb refuses unpaired UTF-16 surrogates; a
// key longer than a B-tree page cannot be indexed; a date past year 275760 cannot even be built.
//
// - Words a person wrote (message text, captions, names, file names, button titles) are cleaned:
//   NUL removed, lone surrogates replaced by U+FFFD, length capped. One bad character must not cost
//   a customer their message, and nobody can answer the provider to ask for a better one.
// - Identifiers (message, contact and media ids) are used as they are or not at all: rewriting one
//   could make it equal another's and merge two customers or drop a message as a duplicate.
// - Times outside a plausible window fall back to the moment we received the item: the time only
//   orders the conversation and opens the 24-hour window, which a far-future date would hold open.

import { LONE_SURROGATE, unstorableEscapes } from '../db/storable-text';

/** A separate global copy for replace(): a global regex keeps state between .test() calls. */
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
/** C0 and C1 control characters: never part of an id or a media type. */
const CONTROL = /\p{Cc}/u;

/** Meta caps text at 4,096 characters; anything far past that is not a person's message. */
export const MAX_TEXT = 16_384;
export const MAX_NAME = 256;
/** wamids are up to 128 characters; B-tree keys must stay well under PostgreSQL's ~2.7 kB. */
export const MAX_ID = 256;
/** Button and list-row ids are ours (≤ 256); template quick-reply payloads may be longer. */
export const MAX_REPLY_ID = 1024;

/** Text a person wrote, made storable; null when there is none (or it is not a string). */
export function cleanText(v: unknown, max = MAX_TEXT): string | null {
  if (typeof v !== 'string' || v.length === 0) return null;
  // Cut before replacing so a surrogate pair split by the cap becomes one U+FFFD, not invalid text.
  const cleaned = v.slice(0, max).replaceAll('\u0000', '').replace(LONE_SURROGATES, '\ufffd');
  return cleaned.length > 0 ? cleaned : null;
}

/** An identifier exactly as sent, or null when it is not one we can key on safely. */
export function cleanId(v: unknown, max = MAX_ID): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v !== 'string' || v.length === 0 || v.length > max) return null;
  return CONTROL.test(v) || LONE_SURROGATE.test(v) ? null : v;
}

/** WhatsApp launched in 2009: nothing we receive is older. */
const EARLIEST_MS = Date.UTC(2009, 0, 1);
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** Unix seconds (number or digit string) as an ISO date, or `now` when absent or implausible. */
export function isoFromUnix(ts: unknown, now: Date): string {
  const seconds = typeof ts === 'number' ? ts : typeof ts === 'string' && /^\d{1,15}$/.test(ts) ? Number(ts) : NaN;
  const ms = seconds * 1000;
  const plausible = Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= now.getTime() + FUTURE_SLACK_MS;
  return (plausible ? new Date(ms) : now).toISOString();
}

/** A media type as `type/subtype[; params]`, else the generic binary type (never shown inline). */
export function cleanMimeType(v: unknown): string {
  const s = typeof v === 'string' ? v.trim() : '';
  return s.length <= 255 && /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=("[^"\\\p{Cc}\p{Cs}]*"|[\w.+-]+))*$/u.test(s) ? s : 'application/octet-stream';
}

/** A number a provider may send as a number or a string (coordinates), or null. */
export function finiteNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.length < 32 ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The raw provider item kept beside each inbound message, for debugging and re-parsing. */
export const MAX_RAW = 16_384;

/**
 * The provider's item as JSON PostgreSQL will store, or a note of its size when it is larger than
 * `max` characters: NUL and unpaired surrogates (escaped by JSON.stringify) become U+FFFD.
 */
export function boundedRaw(v: unknown, max = MAX_RAW): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(v);
  } catch {
    return { unreadable: true };
  }
  if (json === undefined) return null;
  if (json.length > max) return { truncated: true, size: json.length };
  let safe = '';
  let from = 0;
  for (const [start, end] of unstorableEscapes(json)) {
    safe += `${json.slice(from, start)}\\ufffd`;
    from = end;
  }
  return JSON.parse(safe + json.slice(from));
}
