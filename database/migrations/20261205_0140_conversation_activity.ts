// What happened to a conversation besides its messages, for a line in the agent's thread: the bot
// transferred it, a member took, assigned or moved it, handed it back, closed or reopened it. Each
// row is a copy of the conversation event, written by a trigger in the transaction that published
// it, so every path that announces a change (the inbox's actions, a flow's transfer, automatic
// assignment, the idle sweep, a customer writing again) leaves its line, and none is left for a
// change that rolled back. Domain events are pruned after dispatch; these stay with the conversation.
import type { Knex } from 'knex';

export const ACTIVITY_EVENTS = [
  'conversation.transferred', 'conversation.assigned', 'conversation.handed_back',
  'conversation.closed', 'conversation.reopened', 'conversation.bot_paused',
] as const;

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('conversation_activity', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('tenant_id').notNullable();
    // The conversation's rows go with it (and with its workspace, through it).
    t.uuid('conversation_id').notNullable().references('id').inTable('conversations').onDelete('CASCADE');
    t.text('type').notNullable();
    t.jsonb('payload').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['tenant_id', 'conversation_id', 'id']);
  });
  // Stamped as messages are (clock_timestamp(), migration 0002), so a line sorts among the messages
  // of its own transaction in the order they were written. A payload without a well-formed
  // conversation id leaves no line rather than failing its transaction.
  await db.raw(`
    CREATE FUNCTION conversation_activity_from_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.payload->>'conversationId' ~ '${UUID}' THEN
        INSERT INTO conversation_activity (tenant_id, conversation_id, type, payload, created_at)
        SELECT NEW.tenant_id, c.id, NEW.type, NEW.payload, clock_timestamp() FROM conversations c
        WHERE c.tenant_id = NEW.tenant_id AND c.id = (NEW.payload->>'conversationId')::uuid;
      END IF;
      RETURN NULL;
    END $$`);
  const types = ACTIVITY_EVENTS.map((e) => `'${e}'`).join(', ');
  await db.raw(`
    CREATE TRIGGER domain_events_conversation_activity AFTER INSERT ON domain_events
    FOR EACH ROW WHEN (NEW.type IN (${types})) EXECUTE FUNCTION conversation_activity_from_event()`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TRIGGER IF EXISTS domain_events_conversation_activity ON domain_events');
  await db.raw('DROP FUNCTION IF EXISTS conversation_activity_from_event()');
  await db.schema.dropTableIfExists('conversation_activity');
}
