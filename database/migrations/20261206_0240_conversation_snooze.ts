// An agent snoozes a chat that waits on the customer ("I'll send the receipt tomorrow"): it leaves
// the inbox's folders until `snoozed_until`, or until the customer writes (the inbound statement
// clears it). A time in the past is no snooze, so nothing has to wake it up. Nullable and without a
// default, the column is added without rewriting the table.
// The activity trigger of migration 0140 also copies the conversation.updated events that set, clear
// or end a snooze (their payload names `snooze`), so the thread says "Snoozed until … by Ana".
import type { Knex } from 'knex';
import { ACTIVITY_EVENTS } from './20261205_0140_conversation_activity';

const types = ACTIVITY_EVENTS.map((e) => `'${e}'`).join(', ');

const trigger = (when: string) => `
  CREATE TRIGGER domain_events_conversation_activity AFTER INSERT ON domain_events
  FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION conversation_activity_from_event()`;

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('conversations', (t) => {
    t.timestamp('snoozed_until', { useTz: true }).nullable();
  });
  await db.raw('DROP TRIGGER IF EXISTS domain_events_conversation_activity ON domain_events');
  await db.raw(trigger(`NEW.type IN (${types}) OR (NEW.type = 'conversation.updated' AND NEW.payload->>'snooze' IS NOT NULL)`));
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TRIGGER IF EXISTS domain_events_conversation_activity ON domain_events');
  await db.raw(trigger(`NEW.type IN (${types})`));
  await db.schema.alterTable('conversations', (t) => {
    t.dropColumn('snoozed_until');
  });
}
