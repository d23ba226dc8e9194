// The web-chat channel seen from the visitor's browser: start (or resume) a visitor, post messages
// into the same inbound pipeline as WhatsApp, and read the conversation back after a reload.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ChannelCache } from '../channels/channel-cache';
import { ingest, type IngestDeps } from '../channels/ingest';
import { forTenant } from '../db/tenant-db';
import { AppError } from '../http/app-error';
import type { Visitor, VisitorTokens } from './visitor-tokens';
import { tryHints } from './try-page';
import { publishedTriggers, visitorHistory } from './webchat.queries';
import { visitorTyping, type TypingDeps } from '../inbox/typing.service';
import type { StartSession, VisitorMessage } from './webchat.schemas';
import { visitorItem } from './webchat.parse';
import { visitorPayload } from '../media/media-link';
import type { ObjectStore } from '../storage/object-store';
import { customerLocale } from '../channels/customer-locale';

export type WebchatDeps = {
  db: Knex; channels: ChannelCache; visitors: VisitorTokens; ingest: IngestDeps; typing?: TypingDeps;
  /** Signs links to media kept in our storage (agents' attachments, flows' uploaded files). */
  objects: ObjectStore;
};

async function webchatChannel(deps: WebchatDeps, channelId: string) {
  const channel = await deps.channels.get(channelId);
  if (!channel || channel.type !== 'webchat') throw new AppError('not_found', 'Unknown web-chat channel');
  return channel;
}

export const DEFAULT_APPEARANCE = { language: 'pt-BR', color: '#12b886', title: null } as const;

/** What the widget needs before anyone writes: the channel's language, colour and header title. */
export async function appearance(deps: WebchatDeps, channelId: string) {
  const { config } = await webchatChannel(deps, channelId);
  return {
    language: customerLocale(config),
    color: config.color ?? DEFAULT_APPEARANCE.color,
    title: config.title ?? DEFAULT_APPEARANCE.title,
  };
}

/** What starts the workspace's published flows on this web-chat channel, for its "try" page. */
export async function tryPageHints(deps: WebchatDeps, channelId: string) {
  const channel = await webchatChannel(deps, channelId);
  return tryHints(await publishedTriggers(forTenant(deps.db, channel.tenantId)), channelId);
}

/**
 * Starts a visitor, or resumes one when the browser presents its id AND its resume secret. An id
 * alone, or with a wrong secret, gets a new visitor: knowing someone's id reveals nothing.
 */
export async function startVisitor(deps: WebchatDeps, channelId: string, input: StartSession = {}) {
  const channel = await webchatChannel(deps, channelId);
  const { visitorId: claimed, resumeSecret: presented } = input;
  const resumed = Boolean(claimed && presented && deps.visitors.checkResume(channelId, claimed, presented));
  const visitorId = resumed ? claimed! : randomUUID();
  // The site may name its visitor (data-visitor-name): each message then names the contact, as a
  // WhatsApp profile name does, unless an agent has renamed it.
  const token = await deps.visitors.sign({ tenantId: channel.tenantId, channelId, visitorId, name: input.name || null });
  // `visitorToken` is the same token under its earlier name, for widgets still cached in browsers.
  return { token, visitorToken: token, visitorId, resumeSecret: deps.visitors.resumeSecret(channelId, visitorId), resumed };
}

export async function postVisitorMessage(deps: WebchatDeps, visitor: Visitor, channelId: string, input: VisitorMessage) {
  if (visitor.channelId !== channelId) throw new AppError('forbidden', 'This token belongs to another channel');
  if (!input.text.trim() && !input.replyId) throw new AppError('validation_failed', 'A message needs text or a reply id');
  const channel = await webchatChannel(deps, channelId);
  const item = visitorItem(visitor, input, new Date(), randomUUID);
  const { stored } = await ingest(deps.ingest, channel, [item]);
  return { id: item.eventId, duplicate: stored === 0 };
}

/** The visitor is typing (or stopped): the workspace's agents see it live. */
export async function postVisitorTyping(deps: WebchatDeps, visitor: Visitor, channelId: string, on: boolean) {
  if (visitor.channelId !== channelId) throw new AppError('forbidden', 'This token belongs to another channel');
  // A channel the business disabled shows agents nothing of its visitors (a cached read, no query).
  await webchatChannel(deps, channelId);
  if (deps.typing) await visitorTyping(deps.typing, visitor, on);
}

export async function history(deps: WebchatDeps, visitor: Visitor, channelId: string) {
  if (visitor.channelId !== channelId) throw new AppError('forbidden', 'This token belongs to another channel');
  // A channel the business disabled shows nothing, as it takes nothing.
  await webchatChannel(deps, channelId);
  const { closed, rows } = await visitorHistory(forTenant(deps.db, visitor.tenantId), channelId, visitor.visitorId);
  return {
    // The chat was closed since (the widget says so under the last message); writing again reopens it.
    closed,
    items: await Promise.all(rows.map(async (r) => ({
      id: r.id, direction: r.direction, text: r.text, payload: await visitorPayload(deps.objects, visitor.tenantId, (r.payload ?? {}) as Record<string, unknown>),
      createdAt: new Date(r.created_at).toISOString(), author: r.author, authorName: r.author === 'agent' && !r.api_key_id ? r.author_name : null,
    }))),
  };
}
