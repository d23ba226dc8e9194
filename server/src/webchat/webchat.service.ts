// The web-chat channel seen from the visitor's browser: start (or resume) a visitor, post messages
// into the same inbound pipeline as WhatsApp, and read the conversation back after a reload.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { InboundItem } from '../channels/channel-adapter';
import type { ChannelCache } from '../channels/channel-cache';
import { ingest, type IngestDeps } from '../channels/ingest';
import { forTenant } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import type { Visitor, VisitorTokens } from './visitor-tokens';
import { visitorHistory } from './webchat.queries';
import { visitorTyping, type TypingDeps } from '../inbox/typing.service';
import type { VisitorMessage } from './webchat.schemas';

export type WebchatDeps = { db: Knex; channels: ChannelCache; visitors: VisitorTokens; ingest: IngestDeps; typing?: TypingDeps };

async function webchatChannel(deps: WebchatDeps, channelId: string) {
  const channel = await deps.channels.get(channelId);
  if (!channel || channel.type !== 'webchat') throw new AppError('not_found', 'Unknown web-chat channel');
  return channel;
}

export async function startVisitor(deps: WebchatDeps, channelId: string, visitorId?: string) {
  const channel = await webchatChannel(deps, channelId);
  const id = visitorId ?? randomUUID();
  return { visitorId: id, visitorToken: await deps.visitors.sign({ tenantId: channel.tenantId, channelId, visitorId: id }) };
}

export async function postVisitorMessage(deps: WebchatDeps, visitor: Visitor, channelId: string, input: VisitorMessage) {
  if (visitor.channelId !== channelId) throw new AppError('forbidden', 'This token belongs to another channel');
  if (!input.text.trim() && !input.replyId) throw new AppError('validation_failed', 'A message needs text or a reply id');
  const channel = await webchatChannel(deps, channelId);
  const eventId = `wc:${visitor.visitorId}:${input.clientMessageId ?? randomUUID()}`;
  const item: InboundItem = {
    kind: 'message',
    eventId,
    contact: { externalId: visitor.visitorId, phone: null, name: null },
    content: { type: input.replyId ? 'interactive' : 'text', text: input.text, replyId: input.replyId ?? null, media: null },
    at: new Date().toISOString(),
  };
  const { stored } = await ingest(deps.ingest, channel, [item]);
  return { id: eventId, duplicate: stored === 0 };
}

/** The visitor is typing (or stopped): the workspace's agents see it live. */
export async function postVisitorTyping(deps: WebchatDeps, visitor: Visitor, channelId: string, on: boolean) {
  if (visitor.channelId !== channelId) throw new AppError('forbidden', 'This token belongs to another channel');
  if (deps.typing) await visitorTyping(deps.typing, visitor, on);
}

export async function history(deps: WebchatDeps, visitor: Visitor, channelId: string) {
  if (visitor.channelId !== channelId) throw new AppError('forbidden', 'This token belongs to another channel');
  const rows = await visitorHistory(forTenant(deps.db, visitor.tenantId), channelId, visitor.visitorId);
  return {
    items: rows.map((r) => ({
      id: r.id, direction: r.direction, text: r.text, payload: r.payload, createdAt: new Date(r.created_at).toISOString(),
      author: r.author, authorName: r.author === 'agent' ? r.author_name : null,
    })),
  };
}
