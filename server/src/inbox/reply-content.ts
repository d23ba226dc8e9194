// What an agent's reply becomes: the outbound content the channel adapters send, and the payload
// kept on the message (for a file: where it is stored and what it is, so the thread can show it
// and the media route can sign it). Pure.
import type { OutboundContent, TemplateView } from '@zyntra/flows-schema';
import { withShownTemplate } from '../templates/shown-template';
import type { TemplateParams } from '../templates/template-send';

export type UploadRef = { id: string; storage_key: string; mime_type: string; file_name: string; size: number };
export type ReplyInput = { text: string; replyTo?: string } | { mediaId: string; text?: string; replyTo?: string };
/** A reply as the request gives it: free-form, or a template (checked and filled by the templates module). */
export type ReplyRequest = ReplyInput | { template: TemplateParams };

type MediaKind = 'image' | 'audio' | 'video' | 'document';

/** WhatsApp shows JPEG and PNG as images; anything else is safest sent as a document. */
export function mediaKind(mime: string): MediaKind {
  if (mime === 'image/jpeg' || mime === 'image/png') return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  return 'document';
}

/** `agentName`: who answers, shown by the web-chat widget instead of the bot's look (payload.sender). */
export function replyContent(input: ReplyInput, upload: UploadRef | null, agentName: string | null = null): { type: string; text: string; payload: Record<string, unknown> } {
  const text = input.text ?? '';
  const sender = { type: 'agent', name: agentName };
  if (!upload) {
    const content: OutboundContent = { text, buttons: [], list: null, media: null, typingDelayMs: 0 };
    return { type: 'text', text, payload: { ...content, sender } };
  }
  const kind = mediaKind(upload.mime_type);
  const content: OutboundContent = {
    text, buttons: [], list: null, media: { kind, storageKey: upload.storage_key, filename: upload.file_name }, typingDelayMs: 0,
  };
  // status/mimeType/size beside the adapter's fields: the inbox's media view and route read them.
  const media = { ...content.media, status: 'stored', mimeType: upload.mime_type, size: upload.size, uploadId: upload.id };
  return { type: kind, text, payload: { ...content, media, sender } };
}

/**
 * A template reply: `text` is the body as the customer reads it, the template rides in the payload for
 * the adapter, beside the header, footer and buttons the customer saw (`view`).
 */
export function templateReplyContent(content: OutboundContent, view: TemplateView | null, agentName: string | null = null): { type: string; text: string; payload: Record<string, unknown> } {
  return { type: 'template', text: content.text, payload: withShownTemplate({ ...content, sender: { type: 'agent', name: agentName } }, view) };
}
