// Snoozing a chat that waits on the customer: it leaves the folders until `until`, or until the
// customer writes (store-inbound.queries.ts ends it). Announced as conversation.updated with
// `snooze` naming the change, which open inboxes re-read and the history keeps (migration 0240).
import type { Knex } from 'knex';
import { forTenant, type TenantDb } from '../db/tenant-db';
import { publishEvents } from '../events/publish';
import { AppError } from '../http/app-error';
import type { Role } from '../http/access';
import { assertMayLetGo, lockConversation, type Actor } from './conversation-guard';
import * as q from './inbox.queries';
import { getConversation } from '../conversations/conversations.service';

/** The furthest a chat is snoozed: past a month, "come back to it" is closing it. */
export const SNOOZE_MAX_DAYS = 30;
const DAY_MS = 86_400_000;

/** The time checked against the clock: in the future and at most SNOOZE_MAX_DAYS ahead. Pure. */
export function checkSnoozeTime(until: string, now: number): Date {
  const at = new Date(until);
  if (at.getTime() <= now) throw new AppError('snooze_in_past', 'The chat can only be snoozed until a time in the future', { field: 'until' });
  if (at.getTime() > now + SNOOZE_MAX_DAYS * DAY_MS) {
    throw new AppError('snooze_too_far', `The chat can be snoozed for at most ${SNOOZE_MAX_DAYS} days`, { field: 'until', maxDays: SNOOZE_MAX_DAYS });
  }
  return at;
}

/** A chat a person holds, locked, that the actor may set aside (theirs, nobody's, or a supervisor's call). */
async function heldChat(tx: TenantDb, actor: Actor & { role: Role }, id: string): Promise<q.ConversationState> {
  const conv = await lockConversation(tx, id);
  if (conv.status !== 'human') {
    throw new AppError('not_snoozable', 'Only a conversation a person holds can be snoozed', { status: conv.status });
  }
  await assertMayLetGo(tx, conv, actor);
  return conv;
}

/** Answers the conversation as GET /v1/conversations/{id} does. */
export async function snooze(db: Knex, actor: Actor & { role: Role }, id: string, until: string) {
  const at = checkSnoozeTime(until, Date.now());
  await forTenant(db, actor.tenantId).transaction(async (tx) => {
    await heldChat(tx, actor, id);
    await q.setConversation(tx, id, { snoozed_until: at });
    const snoozedUntil = at.toISOString();
    await publishEvents(tx, [{ type: 'conversation.updated', payload: { conversationId: id, snooze: 'snoozed', snoozedUntil, by: actor.userId } }]);
  });
  return getConversation(db, actor.tenantId, id);
}

/** "Reactivate now". A chat not snoozed (its time passed, the customer wrote) answers its state and announces nothing. */
export async function unsnooze(db: Knex, actor: Actor & { role: Role }, id: string) {
  await forTenant(db, actor.tenantId).transaction(async (tx) => {
    await heldChat(tx, actor, id);
    if (await q.endSnooze(tx, id)) {
      await publishEvents(tx, [{ type: 'conversation.updated', payload: { conversationId: id, snooze: 'unsnoozed', snoozedUntil: null, by: actor.userId } }]);
    }
  });
  return getConversation(db, actor.tenantId, id);
}
