// Tenant scoping by construction: module queries receive a TenantDb, whose only way to reach a
// business table is a builder already filtered by tenant_id (reads, updates, deletes) or an insert
// that stamps it. A query module cannot forget the tenant because it never holds a bare knex.
import type { Knex } from 'knex';

export const TENANT_TABLES = [
  'memberships', 'refresh_tokens', 'channels', 'contacts', 'conversations', 'messages', 'inbound_events',
  'flows', 'flow_versions', 'flow_sessions', 'webhooks', 'webhook_deliveries', 'domain_events', 'audit_logs',
  'inbound_rejections', 'domain_event_retries', 'webhook_messages', 'notices', 'contact_imports', 'whatsapp_templates',
  'teams', 'team_members', 'canned_responses', 'media_uploads', 'inbox_handoffs',
  'campaigns', 'campaign_recipients', 'contact_filters', 'contact_attribute_names',
  'invitations', 'api_keys', 'conversation_activity', 'satisfaction_surveys',
] as const;
export type TenantTable = (typeof TENANT_TABLES)[number] | (string & { readonly __tenantTable?: never });

type Row = Record<string, unknown>;

export type TenantDb = {
  readonly tenantId: string;
  /** SELECT/UPDATE/DELETE builder on `table`, already restricted to this tenant. */
  from(table: TenantTable): Knex.QueryBuilder;
  /** INSERT with tenant_id stamped on every row. */
  insert<R extends Row>(table: TenantTable, rows: R | R[]): Knex.QueryBuilder;
  /** Runs `fn` in one transaction, handing it a TenantDb bound to that transaction. */
  transaction<T>(fn: (tx: TenantDb) => Promise<T>): Promise<T>;
  /** Escape hatch for statements knex cannot build; the SQL must filter on tenant_id itself. */
  raw(sql: string, bindings?: Knex.RawBinding[] | Knex.ValueDict): Knex.Raw;
};

export function forTenant(db: Knex | Knex.Transaction, tenantId: string): TenantDb {
  if (!tenantId) throw new Error('forTenant needs a tenant id');
  return {
    tenantId,
    from: (table) => db(table).where(`${table}.tenant_id`, tenantId),
    insert: (table, rows) => {
      const list = Array.isArray(rows) ? rows : [rows];
      return db(table).insert(list.map((r) => ({ ...r, tenant_id: tenantId })));
    },
    transaction: (fn) =>
      'commit' in db && typeof db.commit === 'function'
        ? fn(forTenant(db, tenantId))
        : (db as Knex).transaction((trx) => fn(forTenant(trx, tenantId))),
    raw: (sql, bindings) => (bindings === undefined ? db.raw(sql) : db.raw(sql, bindings)),
  };
}
