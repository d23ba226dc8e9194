// One domain event may become more than one webhook event for the same endpoint (a member's reopen
// is both `conversation.assigned` and `conversation.reopened`): a message is unique per endpoint,
// domain event and event type. The constraint it replaces came with 0051 in the same unreleased
// version, so no earlier release relies on it.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('webhook_messages', (t) => {
    t.unique(['webhook_id', 'domain_event_id', 'event_type']);
  });
  await db.schema.alterTable('webhook_messages', (t) => {
    t.dropUnique(['webhook_id', 'domain_event_id']);
  });
}

/** Keeps one message per endpoint and domain event (the first), as the old constraint demands. */
export async function down(db: Knex): Promise<void> {
  await db.raw(`DELETE FROM webhook_messages m USING webhook_messages o
    WHERE m.webhook_id = o.webhook_id AND m.domain_event_id = o.domain_event_id AND (m.created_at, m.id) > (o.created_at, o.id)`);
  await db.schema.alterTable('webhook_messages', (t) => {
    t.unique(['webhook_id', 'domain_event_id']);
  });
  await db.schema.alterTable('webhook_messages', (t) => {
    t.dropUnique(['webhook_id', 'domain_event_id', 'event_type']);
  });
}
