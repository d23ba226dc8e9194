// Text PostgreSQL cannot store (db/storable-text.ts): a name, a flow document, a contact attribute
// or a search holding it failed deep in a query as a 500. Requests carrying it are refused at the
// edge instead, with a 400 that says why. (Provider webhooks bypass express; inbound-text.ts
// replaces it in customers' text.)
import type { RequestHandler } from 'express';
import { AppError } from './app-error';
import { unstorableEscapes } from '../db/storable-text';

const refusal = () => new AppError('validation_failed', 'Text may not contain NUL (\\u0000) or unpaired surrogates (\\ud800–\\udfff)');

/** Whether a JSON text holds NUL or an unpaired surrogate; `"\\u0000"` (a backslash, then "u0000") is fine. */
export const hasUnstorableJson = (json: string): boolean => !unstorableEscapes(json).next().done;

/** For express.json's `verify`: runs on the raw body before it is parsed. */
export function refuseUnstorableJson(_req: unknown, _res: unknown, body: Buffer) {
  if (body.includes('\\u') && hasUnstorableJson(body.toString('utf8'))) throw Object.assign(refusal(), { status: 400 });
}

/** The URL's query or path decoding to NUL (%00). */
export const refuseUrlNul: RequestHandler = (req, _res, next) => {
  next(req.originalUrl.includes('%00') ? refusal() : undefined);
};
