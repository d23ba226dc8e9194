// Retention: the housekeeping job purges operational rows older than RETENTION_DAYS in small
// batches. Each purge finds its rows by age through a partial index, and the simulator's test runs
// are deleted through foreign keys whose ON DELETE CASCADE looks the children up by these columns
// (without an index led by them, every deleted parent would scan the whole child table).
import type { Knex } from 'knex';

const INDEXES: Array<[name: string, definition: string]> = [
  ['inbound_events_retention_idx', "inbound_events (received_at) WHERE status IN ('processed', 'failed')"],
  ['domain_events_retention_idx', 'domain_events (created_at) WHERE dispatched_at IS NOT NULL'],
  ['run_logs_at_idx', 'run_logs (at)'],
  ['flow_versions_test_idx', 'flow_versions (created_at) WHERE is_test'],
  ['conversations_test_version_idx', 'conversations (test_flow_version_id) WHERE test_flow_version_id IS NOT NULL'],
  ['conversations_contact_idx', 'conversations (contact_id)'],
  ['messages_conversation_idx', 'messages (conversation_id)'],
  ['run_logs_conversation_idx', 'run_logs (conversation_id)'],
  ['flow_sessions_conversation_idx', 'flow_sessions (conversation_id)'],
  ['flow_sessions_version_idx', 'flow_sessions (flow_version_id)'],
];

export async function up(db: Knex): Promise<void> {
  for (const [name, definition] of INDEXES) await db.raw(`CREATE INDEX ${name} ON ${definition}`);
}

export async function down(db: Knex): Promise<void> {
  for (const [name] of INDEXES) await db.raw(`DROP INDEX IF EXISTS ${name}`);
}
