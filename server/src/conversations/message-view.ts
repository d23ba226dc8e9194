// Database rows → the inbox's message items (docs/inbox-api.md). Pure.
import type { TemplateView } from '@zyntra/flows-schema';
import { SHOWN_TEMPLATE_KEY } from '../templates/shown-template';
import { iso } from './conversation-view';
import { errorText } from './message-errors';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- rows from the messages queries

type MediaPayload = { mimeType?: string; filename?: string; size?: number; status?: string; kind?: string };

/** What the thread shows about an attachment; the bytes come from the media route as a signed URL. */
export function mediaInfo(payload: unknown) {
  const media = (payload as { media?: MediaPayload | null } | null)?.media;
  if (!media || typeof media !== 'object') return null;
  return {
    mime: media.mimeType ?? null,
    fileName: media.filename ?? null,
    size: typeof media.size === 'number' ? media.size : null,
    kind: media.kind ?? null,
    /** Inbound files: pending until stored in our storage, or failed. */
    status: media.status ?? (media.kind ? 'stored' : 'pending'),
  };
}

/** A template message's header, footer and buttons as the customer saw them; null for other messages and for templates stored before they were kept. */
export function templateInfo(payload: unknown): TemplateView | null {
  const view = (payload as Record<string, unknown> | null)?.[SHOWN_TEMPLATE_KEY];
  return view && typeof view === 'object' ? (view as TemplateView) : null;
}

/**
 * The message a customer's reply quotes (they swiped to answer it): who wrote it and its first
 * words; `id` null when it is not one this workspace has (older than the product, or deleted).
 * Null for a message that quotes nothing.
 */
export function replyToInfo(m: Row) {
  const context = (m.payload as { context?: { messageId?: unknown } } | null)?.context;
  if (typeof context?.messageId !== 'string') return null;
  if (!m.quoted_id) return { id: null, author: null, type: null, text: null };
  return { id: m.quoted_id as string, author: m.quoted_author as string, type: m.quoted_type as string, text: (m.quoted_text as string | null) ?? null };
}

/** The members a note mentions (their user ids); [] for a note that mentions nobody. */
export function mentionsOf(payload: unknown): string[] {
  const mentions = (payload as { mentions?: unknown } | null)?.mentions;
  return Array.isArray(mentions) ? mentions.filter((id): id is string => typeof id === 'string') : [];
}

export function toMessageItem(m: Row) {
  return {
    id: m.id,
    direction: m.direction,
    author: m.author,
    authorUserId: m.author_user_id ?? null,
    authorUser: m.author_user_id ? { id: m.author_user_id, name: m.author_user_name ?? null } : null,
    /** Sent through an API key (the business's own system), named as the workspace named the key. */
    apiKey: m.api_key_id ? { id: m.api_key_id, name: m.api_key_name ?? null } : null,
    type: m.type,
    text: m.text,
    status: m.status,
    error: m.error ?? null,
    errorText: m.status === 'failed' || m.error ? errorText(m.error) : null,
    payload: m.payload,
    media: mediaInfo(m.payload),
    template: templateInfo(m.payload),
    replyTo: replyToInfo(m),
    // Notes only: the other messages (and the webhooks that carry them) keep their shape.
    ...(m.type === 'note' ? { mentions: mentionsOf(m.payload) } : {}),
    createdAt: iso(m.created_at),
  };
}
