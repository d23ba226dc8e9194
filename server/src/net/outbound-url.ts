// The URL rules of outbound HTTP: http or https only, no user name or password in it. The WHATWG
// parser also turns every spelling of an IPv4 address (2130706433, 0x7f.1, 017700000001, 127.1)
// into its dotted form before any check runs.
import { z } from 'zod';
import { OutboundError } from './outbound-error';

export function parseOutboundUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new OutboundError('bad_url', 'The URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundError('bad_url', 'Only http and https URLs are allowed');
  if (url.username || url.password) throw new OutboundError('bad_url', 'URLs with a user name or password are not allowed');
  return url;
}

/**
 * A request body's field holding a URL the server will call later (an AI provider, an Evolution
 * server): refused when saved, with the same rules and words as when it is called.
 */
export const outboundUrlField = z
  .url()
  .max(2048)
  .superRefine((raw, ctx) => {
    try {
      parseOutboundUrl(raw);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  });
