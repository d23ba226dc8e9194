// Web addresses and e-mails in a chat message, for the inbox and the web-chat widget to show as
// links. Recognition is linkifyjs's ("loja.com.br/promo", "ana@x.com.br", trailing punctuation left
// out); only http(s) and mailto ever become a link, and a bare host opens over https.
import { find } from 'linkifyjs';

export type TextPart = { text: string; href?: string };

const SAFE = /^(https?:\/\/|mailto:)/i;

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const link of find(text, { defaultProtocol: 'https' })) {
    if (!SAFE.test(link.href)) continue;
    if (link.start > at) parts.push({ text: text.slice(at, link.start) });
    parts.push({ text: link.value, href: link.href });
    at = link.end;
  }
  if (at < text.length || !parts.length) parts.push({ text: text.slice(at) });
  return parts;
}
