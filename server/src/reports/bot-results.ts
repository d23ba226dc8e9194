// GET /v1/reports/bots: what the published flows did in a period. Per flow, the conversations it
// ran in and how many of them it passed to a person (its Transfer step ran: an AI reply asking for a
// person hands over only through one); the rest the bot handled alone, the figure owners of a chatbot ask for first. Test chats
// never count. One query: the totals count a conversation once even when it ran two flows.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import { TRANSFERRED } from '../engine/handlers/transfer';

type Row = { flow_id: string | null; name: string | null; conversations: number; handed: number };

export async function botResults(db: Knex, tenantId: string, range: { from: Date; to: Date }) {
  const tdb = forTenant(db, tenantId);
  const rows: Row[] = await tdb
    .from('run_logs')
    .join('flow_versions as v', 'v.id', 'run_logs.flow_version_id')
    .join('flows as f', 'f.id', 'v.flow_id')
    .where('v.is_test', false)
    .where('run_logs.at', '>=', range.from)
    .where('run_logs.at', '<', range.to)
    .select('v.flow_id', 'f.name')
    .select(tdb.raw('count(DISTINCT run_logs.conversation_id)::int AS conversations'))
    .select(tdb.raw('(count(DISTINCT run_logs.conversation_id) FILTER (WHERE run_logs.outcome = ?))::int AS handed', [TRANSFERRED]))
    .groupByRaw('GROUPING SETS ((v.flow_id, f.name), ())');
  const total = rows.find((r) => r.flow_id === null);
  const view = (r: Pick<Row, 'conversations' | 'handed'>) => ({ conversations: r.conversations, handedToPerson: r.handed, botOnly: r.conversations - r.handed });
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    totals: view(total ?? { conversations: 0, handed: 0 }),
    flows: rows
      .filter((r) => r.flow_id !== null)
      .map((r) => ({ flowId: r.flow_id!, name: r.name!, ...view(r) }))
      .sort((a, b) => b.conversations - a.conversations),
  };
}
