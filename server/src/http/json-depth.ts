// How deeply a JSON body nests, read from its bytes before it is parsed. Parsing 5,000 nested arrays
// is quick, but what walks the value afterwards (validation, the jsonb column) recurses and failed as
// a 500; no request of ours nests more than a few levels, so a deep one is refused at the edge.
import { AppError } from './app-error';

export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_BRACE = 0x7b, OPEN_BRACKET = 0x5b, CLOSE_BRACE = 0x7d, CLOSE_BRACKET = 0x5d;

/** The deepest nesting of objects and arrays in a JSON text, brackets inside strings not counted. */
export function jsonDepth(body: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) deepest = Math.max(deepest, ++depth);
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

/** For express.json's `verify`: runs on the raw body before it is parsed. */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer) {
  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    throw Object.assign(new AppError('validation_failed', `JSON may not nest more than ${MAX_JSON_DEPTH} levels`), { status: 400 });
  }
}
