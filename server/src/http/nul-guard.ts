// PostgreSQL cannot store the NUL character in text or jsonb: a name, a search or a tag holding one
// failed deep in a query as a 500. Requests carrying it are refused at the edge instead, with a 400
// that says why. (Provider webhooks bypass express; inbound-text.ts strips NUL from customers' text.)
import type { RequestHandler } from 'express';
import { AppError } from './app-error';

const refusal = () => new AppError('validation_failed', 'Text may not contain the NUL character (\\u0000)');

/** A JSON text holding a \u0000 escape that is not itself escaped (`\\u0000` is a backslash and "u0000"). */
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/;

export const hasJsonNul = (json: string) => json.includes('\\u0000') && ESCAPED_NUL.test(json);

/** For express.json's `verify`: runs on the raw body before it is parsed. */
export function refuseJsonNul(_req: unknown, _res: unknown, body: Buffer) {
  if (body.includes('\\u0000') && hasJsonNul(body.toString('utf8'))) throw Object.assign(refusal(), { status: 400 });
}

/** The URL's query or path decoding to NUL (%00). */
export const refuseUrlNul: RequestHandler = (req, _res, next) => {
  next(req.originalUrl.includes('%00') ? refusal() : undefined);
};
