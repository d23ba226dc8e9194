// Activity rows → the thread's lines (GET /v1/conversations/{id}/activity). Pure.
import { iso } from './conversation-view';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- rows from activity.queries

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? null } : null);

/** A snooze is announced as conversation.updated with `snooze` naming what happened (snooze.service.ts, store-inbound.queries.ts). */
const SNOOZE_LINES = ['snoozed', 'unsnoozed', 'snooze_ended'];

const typeOf = (type: string, payload: Record<string, unknown>) =>
  type === 'conversation.updated' && SNOOZE_LINES.includes(String(payload.snooze)) ? String(payload.snooze) : type.replace(/^conversation\./, '');

export function toActivityItem(r: Row) {
  const payload = (r.payload ?? {}) as Record<string, unknown>;
  return {
    id: String(r.id),
    type: typeOf(String(r.type), payload),
    at: iso(r.created_at),
    by: named(r.actor_id, r.actor_name),
    assignee: named(r.assignee_id, r.assignee_name),
    previousAssignee: named(r.previous_id, r.previous_name),
    team: named(r.team_id, r.team_name),
    flow: named(r.flow_id, r.flow_name),
    reason: typeof payload.reason === 'string' ? payload.reason : null,
    auto: payload.auto === true,
    returning: payload.returning === true,
    until: typeof payload.snoozedUntil === 'string' ? payload.snoozedUntil : null,
  };
}
