// Our OutboundContent → an Evolution API v2 send request (path below {baseUrl}, minus the instance).
// Pure; the HTTP call lives in evolution.client.ts.
import type { OutboundContent } from '@zyntra/flows-schema';
import type { Recipient } from '../channel-adapter';

export type EvolutionRequest = { path: '/message/sendText' | '/message/sendMedia'; body: Record<string, unknown> };

/**
 * Baileys buttons and lists often never render on the customer's phone, so choices go out as plain
 * text, one numbered title per line, the menu customers know from WhatsApp bots: the engine takes a
 * typed reply by its title (case and accents ignored) or by its number ("2", "2." or "2)").
 */
export function choicesText(content: OutboundContent): string | null {
  const lines = content.buttons.length > 0
    ? content.buttons.map((b, i) => `${i + 1}. ${b.title}`)
    : content.list && content.list.rows.length > 0
      ? content.list.rows.map((r, i) => (r.description ? `${i + 1}. ${r.title} (${r.description})` : `${i + 1}. ${r.title}`))
      : null;
  if (!lines) return null;
  return [content.text.trim(), lines.join('\n')].filter(Boolean).join('\n\n');
}

/** Contacts known only by a LID are addressed with the full JID, which Evolution accepts as `number`. */
export const numberOf = (to: Recipient) => to.phone ?? to.externalId;

/** Documents need a visible name; the URL's last segment is better than WhatsApp's "Untitled". */
function fileNameOf(url: string, filename: string | undefined): string | undefined {
  if (filename) return filename;
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
  } catch {
    return undefined;
  }
}

/** The message answered, quoted as a swipe-to-reply does on the phone (`fromMe`: one we sent). */
const quotedOf = (content: OutboundContent) =>
  content.context ? { quoted: { key: { id: content.context.messageId, fromMe: content.context.fromMe } } } : {};

export function formatEvolutionMessage(to: Recipient, content: OutboundContent): EvolutionRequest {
  // No `delay`: Evolution would hold the HTTP answer that long. The sender waits out the typing delay first.
  const base = { number: numberOf(to), ...quotedOf(content) };
  const choices = choicesText(content);
  if (choices !== null) return { path: '/message/sendText', body: { ...base, text: choices } };
  const media = content.media;
  if (media?.url) {
    const fileName = fileNameOf(media.url, media.filename);
    return {
      path: '/message/sendMedia',
      body: {
        ...base,
        mediatype: media.kind,
        media: media.url,
        // WhatsApp audio messages carry no caption.
        ...(content.text && media.kind !== 'audio' ? { caption: content.text } : {}),
        ...(fileName ? { fileName } : {}),
      },
    };
  }
  return { path: '/message/sendText', body: { ...base, text: content.text } };
}
