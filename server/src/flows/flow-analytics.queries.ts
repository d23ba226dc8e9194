// Per-node analytics from the run log: how many conversations reached each node of a flow's
// published versions, and how many stopped there (the node of their session's last log entry).
import type { TenantDb } from '../db/tenant-db';

type NodeCount = { node_id: string; n: number };

const publishedLogs = (tdb: TenantDb, flowId: string, since: Date) =>
  tdb
    .from('run_logs')
    .join('flow_versions as v', 'v.id', 'run_logs.flow_version_id')
    .where({ 'v.flow_id': flowId, 'v.is_test': false })
    .where('run_logs.at', '>=', since)
    .whereNotNull('run_logs.node_id');

export async function reachedByNode(tdb: TenantDb, flowId: string, since: Date): Promise<NodeCount[]> {
  return publishedLogs(tdb, flowId, since)
    .groupBy('run_logs.node_id')
    .select('run_logs.node_id')
    .select(tdb.raw('count(DISTINCT run_logs.conversation_id)::int AS n'));
}

export async function stoppedByNode(tdb: TenantDb, flowId: string, since: Date): Promise<NodeCount[]> {
  const last = publishedLogs(tdb, flowId, since)
    .distinctOn('run_logs.flow_session_id')
    .select('run_logs.flow_session_id', 'run_logs.node_id')
    .orderBy([{ column: 'run_logs.flow_session_id' }, { column: 'run_logs.id', order: 'desc' }])
    .as('last');
  const res = await tdb.raw('SELECT node_id, count(*)::int AS n FROM ? GROUP BY node_id', [last]);
  return res.rows;
}

/** Conversations each flow handled since `since` (for the flows list). */
export async function conversationsByFlow(tdb: TenantDb, since: Date): Promise<Array<{ flow_id: string; n: number }>> {
  return tdb
    .from('run_logs')
    .join('flow_versions as v', 'v.id', 'run_logs.flow_version_id')
    .where('v.is_test', false)
    .where('run_logs.at', '>=', since)
    .groupBy('v.flow_id')
    .select('v.flow_id')
    .select(tdb.raw('count(DISTINCT run_logs.conversation_id)::int AS n'));
}
