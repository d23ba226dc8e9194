// No customer waits in silence: a transferred conversation that nobody takes within the
// workspace's noAgentTimeoutMinutes gets noAgentMessage, and goes back to noAgentFlowId when one
// is set (that flow answers the customer's next message). Driven by the database (transferred_at,
// no_agent_notified_at) and checked by the sweeper, so it survives restarts and a lost Redis; it
// acts once per handoff.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { publishEvents, type DomainEvent } from '../events/publish';
import type { Logger } from '../log/logger';
import { withTimeout, type Queues } from '../queues/queues';
import { endHandoff } from './handoffs.queries';
import * as q from './no-agent.queries';
import { getInboxSettings } from './inbox-settings.service';

export type NoAgentDeps = { db: Knex; queues: Queues; log: Logger };

const isDue = (c: q.WaitingState, timeoutMs: number, now: Date) =>
  c.status === 'waiting' && !c.assignee_id && c.transferred_at !== null
  && c.transferred_at.getTime() + timeoutMs <= now.getTime()
  && (c.no_agent_notified_at === null || c.no_agent_notified_at < c.transferred_at);

/** Acts on one conversation if its timeout is due; returns whether it did. */
export async function handleNoAgent(deps: NoAgentDeps, tenantId: string, conversationId: string): Promise<boolean> {
  const settings = await getInboxSettings(deps.db, tenantId);
  if (settings.noAgentTimeoutMinutes === null) return false;
  const timeoutMs = settings.noAgentTimeoutMinutes * 60_000;
  const outcome = await forTenant(deps.db, tenantId).transaction(async (tx) => {
    const now = new Date();
    const conv = await q.lockConversation(tx, conversationId);
    if (!conv || !isDue(conv, timeoutMs, now)) return null;
    await tx.from('conversations').where({ id: conv.id }).update({ no_agent_notified_at: now });
    const events: DomainEvent[] = [];
    const messageId = settings.noAgentMessage ? await q.insertSystemMessage(tx, conv, settings.noAgentMessage) : null;
    if (messageId) events.push({ type: 'message.created', payload: { conversationId, messageId, author: 'system', reason: 'no_agent' } });
    const flowId = settings.noAgentFlowId && (await q.publishedFlow(tx, settings.noAgentFlowId)) ? settings.noAgentFlowId : null;
    if (flowId) {
      await tx.from('conversations').where({ id: conv.id }).update({ status: 'bot', assignee_id: null, flow_id: flowId, updated_at: now });
      await endHandoff(tx, conv.id, 'no_agent', null, now);
      events.push({ type: 'conversation.handed_back', payload: { conversationId, status: 'bot', assigneeId: null, flowId, by: null, reason: 'no_agent' } });
    } else {
      events.push({ type: 'conversation.updated', payload: { conversationId, noAgentNotifiedAt: now.toISOString() } });
    }
    await publishEvents(tx, events);
    return { messageId };
  });
  if (outcome?.messageId) {
    await withTimeout(deps.queues.send.add('drain', { tenantId, conversationId }), 1_000)
      .catch((err) => deps.log.warn({ err: (err as Error).message, conversationId }, 'no-agent message stored but not queued; the sweeper will send it'));
  }
  return outcome !== null;
}
