// Text PostgreSQL cannot store: NUL in text or jsonb, and half of a surrogate pair in jsonb. A name,
// a flow document, a contact attribute or a search holding one failed deep in a query as a 500.
// Requests carrying them are refused at the edge instead, with a 400 that says why. (Provider
// webhooks bypass express; inbound-text.ts replaces both in customers' text.)
import type { RequestHandler } from 'express';
import { AppError } from './app-error';

const refusal = () => new AppError('validation_failed', 'Text may not contain NUL (\\u0000) or unpaired surrogates (\\ud800–\\udfff)');

const LOW_HALF = /^\\ud[c-f][0-9a-f]{2}/i;

/** Whether a JSON text holds NUL or an unpaired surrogate; `"\\u0000"` (a backslash, then "u0000") is fine. */
export function hasUnstorableJson(json: string): boolean {
  // A \u escape of NUL or a surrogate with the backslashes before it: an even count is escaped text.
  const escape = /(\\+)u(0000|d[89a-f][0-9a-f]{2})/gi;
  for (let m = escape.exec(json); m; m = escape.exec(json)) {
    if (m[1]!.length % 2 === 0) continue;
    const code = m[2]!.toLowerCase();
    if (code === '0000' || code >= 'dc00') return true; // NUL, or a low half no high half took
    if (!LOW_HALF.test(json.slice(escape.lastIndex, escape.lastIndex + 6))) return true;
    escape.lastIndex += 6; // the pair is whole: skip its low half
  }
  return false;
}

/** For express.json's `verify`: runs on the raw body before it is parsed. */
export function refuseUnstorableJson(_req: unknown, _res: unknown, body: Buffer) {
  if (body.includes('\\u') && hasUnstorableJson(body.toString('utf8'))) throw Object.assign(refusal(), { status: 400 });
}

/** The URL's query or path decoding to NUL (%00). */
export const refuseUrlNul: RequestHandler = (req, _res, next) => {
  next(req.originalUrl.includes('%00') ? refusal() : undefined);
};
