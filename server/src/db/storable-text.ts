// Text PostgreSQL refuses: NUL in text and jsonb, and an unpaired UTF-16 surrogate in jsonb (which
// JSON.stringify writes as a \udXXX escape). Provider parsers clean it (channels/inbound-text.ts);
// the API refuses it (http/text-guard.ts).

export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when PostgreSQL text and jsonb accept the string as it is. */
export const isStorable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

const LOW_HALF = /^\\ud[c-f][0-9a-f]{2}/i;

/**
 * The `\u` escapes of a JSON text that decode to NUL or to half a surrogate pair, as [start, end)
 * offsets. `\\u0000` (an escaped backslash, then the letters) is text, and a whole pair passes.
 */
export function* unstorableEscapes(json: string): Generator<[number, number]> {
  // A \u escape of NUL or a surrogate with the backslashes before it: an even count is escaped text.
  const escape = /(\\+)u(0000|d[89a-f][0-9a-f]{2})/gi;
  for (let m = escape.exec(json); m; m = escape.exec(json)) {
    if (m[1]!.length % 2 === 0) continue;
    const span: [number, number] = [m.index + m[1]!.length - 1, escape.lastIndex];
    const code = m[2]!.toLowerCase();
    if (code === '0000' || code >= 'dc00') yield span; // NUL, or a low half no high half took
    else if (!LOW_HALF.test(json.slice(escape.lastIndex, escape.lastIndex + 6))) yield span;
    else escape.lastIndex += 6; // the pair is whole: skip its low half
  }
}
