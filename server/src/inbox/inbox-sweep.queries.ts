// The inbox's part of the sweeper: reads across all tenants (the sweeper cannot start from one);
// every row names its tenant, and what follows is tenant-scoped again.
import type { Knex } from 'knex';

const LIMIT = 100;

/** Transferred conversations nobody took within their workspace's noAgentTimeoutMinutes, not yet acted on. */
export const dueNoAgent = (db: Knex): Promise<Array<{ tenant_id: string; id: string }>> =>
  db('conversations as c')
    .join('tenants as t', 't.id', 'c.tenant_id')
    .where('c.status', 'waiting')
    .whereNull('c.assignee_id')
    .whereNull('c.test_flow_version_id') // a builder's test chat waits for nobody
    .whereNotNull('c.transferred_at')
    .whereRaw('(c.no_agent_notified_at IS NULL OR c.no_agent_notified_at < c.transferred_at)')
    .whereRaw("jsonb_typeof(t.settings->'inbox'->'noAgentTimeoutMinutes') = 'number'")
    .whereRaw("c.transferred_at + (t.settings->'inbox'->>'noAgentTimeoutMinutes')::float8 * interval '1 minute' <= now()")
    .orderBy('c.transferred_at')
    .limit(LIMIT)
    .select('c.tenant_id', 'c.id');

/** Workspaces that assign automatically and have someone waiting for more than `graceSeconds`. */
export const tenantsWithQueue = (db: Knex, graceSeconds = 10): Promise<Array<{ tenant_id: string }>> =>
  db('conversations as c')
    .join('tenants as t', 't.id', 'c.tenant_id')
    .where('c.status', 'waiting')
    .whereNull('c.assignee_id')
    .whereNull('c.test_flow_version_id')
    .where('c.transferred_at', '<', db.raw("now() - (? * interval '1 second')", [graceSeconds]))
    .whereRaw("(t.settings->'inbox'->>'autoAssign') = 'true'")
    .distinct('c.tenant_id')
    .limit(50);
