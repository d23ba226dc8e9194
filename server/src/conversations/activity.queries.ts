// The conversation's activity lines (migration 0140), newest `limit`, with the names they mention:
// the member who acted, the one it went to, the team and the flow. Ids come from event payloads, so
// each is matched only when it is a well-formed uuid; teams and flows only within the workspace.
import type { Knex } from 'knex';
import type { TenantDb } from '../db/tenant-db';
import { uuidOrNullSql } from '../db/uuid';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- plain rows, shaped by activity-view

/** The payload's id under the first of `keys` present, as a uuid, or NULL. */
const idIn = (tdb: TenantDb, ...keys: string[]): Knex.Raw => {
  const value = `COALESCE(${keys.map((k) => `conversation_activity.payload->>'${k}'`).join(', ')})`;
  return tdb.raw(uuidOrNullSql(value));
};

export async function listActivity(tdb: TenantDb, conversationId: string, limit: number): Promise<Row[]> {
  const sameTenant = (table: string) => tdb.raw(`${table}.tenant_id = conversation_activity.tenant_id`);
  const rows = await tdb.from('conversation_activity')
    .leftJoin('users as actor', (j) => { j.on('actor.id', '=', idIn(tdb, 'by')); })
    .leftJoin('users as assignee', (j) => { j.on('assignee.id', '=', idIn(tdb, 'assigneeId')); })
    .leftJoin('users as previous', (j) => { j.on('previous.id', '=', idIn(tdb, 'previousAssigneeId')); })
    .leftJoin('teams', (j) => { j.on(sameTenant('teams')).andOn('teams.id', '=', idIn(tdb, 'teamId', 'team')); })
    .leftJoin('flows', (j) => { j.on(sameTenant('flows')).andOn('flows.id', '=', idIn(tdb, 'flowId')); })
    .where('conversation_activity.conversation_id', conversationId)
    .orderBy('conversation_activity.id', 'desc')
    .limit(limit)
    .select(
      'conversation_activity.id', 'conversation_activity.type', 'conversation_activity.payload', 'conversation_activity.created_at',
      'actor.id as actor_id', 'actor.name as actor_name', 'assignee.id as assignee_id', 'assignee.name as assignee_name',
      'previous.id as previous_id', 'previous.name as previous_name', 'teams.id as team_id', 'teams.name as team_name',
      'flows.id as flow_id', 'flows.name as flow_name',
    );
  return rows.reverse();
}
