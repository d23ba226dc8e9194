// Hand back to the bot, close, reopen, mark read. Each change publishes its event in the same
// transaction, so every open inbox (and the catch-up after a reconnect) sees it.
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/pg-errors';
import { publishEvents } from '../events/publish';
import { AppError } from '../http/app-error';
import type { Role } from '../http/access';
import { assertMayLetGo, heldBy, loadConversation, lockConversation, type Actor } from './conversation-guard';
import { endHandoff, openHandoff } from './handoffs.queries';
import * as q from './inbox.queries';
import { getInboxSettings } from './inbox-settings.service';
import type { InboxDeps } from './reply.service';
import { queueSurvey } from './survey.service';
import { withTimeout } from '../queues/queues';

/**
 * Only an open chat goes back to the bot: a closed one is 409 "closed", as assigning or replying to
 * it is. Turning it into a bot chat would reopen it without anyone hearing of it (and clash with a
 * newer open conversation of the same contact); reopening is its own action.
 */
export async function handback(db: Knex, actor: Actor & { role: Role }, id: string, flowId?: string) {
  return forTenant(db, actor.tenantId).transaction(async (tx) => {
    const conv = await loadConversation(tx, id);
    if (conv.status === 'closed') throw await heldBy(tx, id);
    await assertMayLetGo(tx, conv, actor);
    if (flowId && !(await tx.from('flows').where({ id: flowId }).whereNotNull('published_version_id').whereNull('deleted_at').first('id'))) {
      throw new AppError('validation_failed', 'The flow does not exist or is not published');
    }
    // flow_id pins the next customer message to that flow; without it the triggers decide.
    if (!(await q.updateOpenConversation(tx, id, { status: 'bot', assignee_id: null, flow_id: flowId ?? null, snoozed_until: null }))) throw await heldBy(tx, id);
    await q.endActiveSessions(tx, id);
    await endHandoff(tx, id, 'handback', conv.assignee_id);
    await publishEvents(tx, [{ type: 'conversation.handed_back', payload: { conversationId: id, status: 'bot', assigneeId: null, flowId: flowId ?? null, by: actor.userId } }]);
    return { id, status: 'bot', assigneeId: null, flowId: flowId ?? null };
  });
}

/** Closes the chat; when a person held it, the customer may get the satisfaction survey (survey.service.ts). */
export async function close(deps: InboxDeps, actor: Actor & { role: Role }, id: string) {
  const { satisfactionSurvey } = await getInboxSettings(deps.db, actor.tenantId);
  const closed = await forTenant(deps.db, actor.tenantId).transaction(async (tx) => {
    const conv = await lockConversation(tx, id);
    // Closing a closed chat (a double click, a retry) answers its state and announces nothing.
    if (conv.status === 'closed') return { id, status: 'closed', assigneeId: conv.assignee_id, surveyId: null };
    await assertMayLetGo(tx, conv, actor);
    await q.setConversation(tx, id, { status: 'closed', snoozed_until: null });
    await q.endActiveSessions(tx, id);
    await endHandoff(tx, id, 'closed', conv.assignee_id);
    await publishEvents(tx, [{ type: 'conversation.closed', payload: { conversationId: id, status: 'closed', assigneeId: conv.assignee_id, by: actor.userId } }]);
    // After the close's line in the thread: the survey reads as what followed the close.
    const surveyId = await queueSurvey(tx, conv, satisfactionSurvey, new Date());
    if (surveyId) await publishEvents(tx, [{ type: 'message.created', payload: { conversationId: id, messageId: surveyId, author: 'system', reason: 'satisfaction_survey' } }]);
    return { id, status: 'closed', assigneeId: conv.assignee_id, surveyId };
  });
  if (closed.surveyId) {
    await withTimeout(deps.queues.send.add('drain', { tenantId: actor.tenantId, conversationId: id }), 1_000)
      .catch((err) => deps.log.warn({ err: (err as Error).message, conversationId: id }, 'survey stored but not queued; the sweeper will send it'));
  }
  return { id: closed.id, status: closed.status, assigneeId: closed.assigneeId };
}

/** An agent reopens a closed conversation and holds it; a newer open one of the same contact wins (409). */
export async function reopen(db: Knex, actor: Actor, id: string) {
  const tdb = forTenant(db, actor.tenantId);
  try {
    return await tdb.transaction(async (tx) => {
      // Locked: two members reopening at once (or the customer writing meanwhile) reopen it once.
      const conv = await lockConversation(tx, id);
      if (conv.status !== 'closed') return { id, status: conv.status, assigneeId: conv.assignee_id, teamId: conv.team_id };
      await reopenLocked(tx, actor, conv);
      return { id, status: 'human', assigneeId: actor.userId, teamId: conv.team_id };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const conv = await loadConversation(tdb, id);
    throw new AppError('conflict', 'This contact already has an open conversation', { conversationId: await q.openSibling(tdb, conv) });
  }
}

/** A closed conversation, locked by the caller, back in the actor's hands and announced (also when an agent writes first to its customer). */
export async function reopenLocked(tx: TenantDb, actor: Actor, conv: q.ConversationState): Promise<void> {
  await q.reopenConversation(tx, conv.id, actor.userId);
  await openHandoff(tx, conv.id, new Date(), 'reopened'); // in people's hands again, but no transfer: the bot never had it
  await publishEvents(tx, [{ type: 'conversation.reopened', payload: {
    conversationId: conv.id, contactId: conv.contact_id, channelId: conv.channel_id, status: 'human', assigneeId: actor.userId, teamId: conv.team_id,
    by: actor.userId, previousStatus: 'closed', previousAssigneeId: conv.assignee_id,
  } }]);
}

export async function markRead(db: Knex, actor: Actor, id: string): Promise<void> {
  await forTenant(db, actor.tenantId).transaction(async (tx) => {
    await loadConversation(tx, id);
    if (await q.markRead(tx, id)) {
      await publishEvents(tx, [{ type: 'conversation.updated', payload: { conversationId: id, unreadCount: 0, by: actor.userId } }]);
    }
  });
}
