// Typing indicators both ways. An agent typing is shown to the other agents and, where the channel
// can (web chat; WhatsApp Cloud as a read receipt with "typing…"), to the customer. A web-chat
// visitor typing is shown to the workspace's agents. Not stored: live only.
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Adapters } from '../channels';
import type { ChannelCache } from '../channels/channel-cache';
import { forTenant } from '../db/tenant-db';
import { notFound } from '../http/app-error';
import type { Logger } from '../log/logger';
import type { RealtimeEmitter } from '../realtime/emitter';
import * as q from './typing.queries';

export type TypingDeps = { db: Knex; emitter: RealtimeEmitter; adapters: Adapters; channels: ChannelCache; log: Logger };

/** WhatsApp's indicator lasts 25 s: one call per conversation every 20 s is enough. */
const WHATSAPP_REPEAT_MS = 20_000;
const lastForwarded = new Map<string, number>();

function shouldForward(conversationId: string, on: boolean, now: number): boolean {
  if (!on) {
    lastForwarded.delete(conversationId);
    return true;
  }
  const last = lastForwarded.get(conversationId) ?? 0;
  if (now - last < WHATSAPP_REPEAT_MS) return false;
  if (lastForwarded.size > 10_000) lastForwarded.clear();
  lastForwarded.set(conversationId, now);
  return true;
}

async function forward(deps: TypingDeps, target: q.TypingTarget, on: boolean, name: string | null) {
  const channel = await deps.channels.get(target.channel_id);
  const adapter = channel ? deps.adapters[channel.type] : undefined;
  if (!channel || !adapter?.typing || !shouldForward(target.id, on, Date.now())) return;
  await adapter.typing(channel, { externalId: target.external_id, phone: target.phone }, { on, replyTo: target.reply_to, name });
}

export async function agentTyping(deps: TypingDeps, actor: { tenantId: string; userId: string }, conversationId: string, on: boolean): Promise<void> {
  const tdb = forTenant(deps.db, actor.tenantId);
  const target = await q.typingTarget(tdb, conversationId);
  if (!target) throw notFound('Conversation');
  const name = await q.userName(tdb, actor.userId);
  deps.emitter.toTenant(actor.tenantId, 'conversation.typing', { conversationId, who: 'agent', userId: actor.userId, name, on }, 'inbox');
  // The customer's side is best effort and must not hold the agent's request.
  void forward(deps, target, on, name).catch((err) => deps.log.warn({ err: (err as Error).message, conversationId }, 'typing indicator not shown'));
}

export async function visitorTyping(deps: TypingDeps, visitor: { tenantId: string; channelId: string; visitorId: string }, on: boolean): Promise<void> {
  const conversationId = await q.visitorConversation(forTenant(deps.db, visitor.tenantId), visitor.channelId, visitor.visitorId);
  if (conversationId) deps.emitter.toTenant(visitor.tenantId, 'conversation.typing', { conversationId, who: 'contact', on }, 'inbox');
}

const socketTyping = z.object({ conversationId: z.uuid(), on: z.boolean() });
const visitorSocketTyping = z.object({ on: z.boolean() });

/** The realtime gateway's hooks: what sockets emit as `typing` is checked here, and a bad one ignored. */
export function typingSocketHooks(deps: TypingDeps) {
  const quietly = (run: () => Promise<void>) => run().catch((err) => deps.log.debug({ err: (err as Error).message }, 'typing ignored'));
  return {
    agentTyping: (who: { tenantId: string; userId: string }, data: unknown) =>
      quietly(async () => {
        const parsed = socketTyping.safeParse(data);
        if (parsed.success) await agentTyping(deps, who, parsed.data.conversationId, parsed.data.on);
      }),
    visitorTyping: (visitor: { tenantId: string; channelId: string; visitorId: string }, data: unknown) =>
      quietly(async () => {
        const parsed = visitorSocketTyping.safeParse(data);
        if (parsed.success) await visitorTyping(deps, visitor, parsed.data.on);
      }),
  };
}
