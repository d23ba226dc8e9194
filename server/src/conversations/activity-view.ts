// Activity rows → the thread's lines (GET /v1/conversations/{id}/activity). Pure.
import { iso } from './conversation-view';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- rows from activity.queries

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? null } : null);

export function toActivityItem(r: Row) {
  const payload = (r.payload ?? {}) as Record<string, unknown>;
  return {
    id: String(r.id),
    type: String(r.type).replace(/^conversation\./, ''),
    at: iso(r.created_at),
    by: named(r.actor_id, r.actor_name),
    assignee: named(r.assignee_id, r.assignee_name),
    previousAssignee: named(r.previous_id, r.previous_name),
    team: named(r.team_id, r.team_name),
    flow: named(r.flow_id, r.flow_name),
    reason: typeof payload.reason === 'string' ? payload.reason : null,
    auto: payload.auto === true,
    returning: payload.returning === true,
  };
}
