// Timers and LLM results re-enter the pipeline as inbound events of their conversation (deduped
// by token), so they are processed in order with the customer's messages and exactly once.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import type { EngineEvent } from '../engine/events';

/** The payload of a timer or LLM result event: the conversation it belongs to and the engine event it carries. */
export type InternalPayload = { conversationId: string; event: EngineEvent };

/** Inbound event kinds that carry the answer of a step's async effect ('effect': any kind started with start_effect). */
export type InternalKind = 'timer' | 'llm_result' | 'llm_failed' | 'effect';

export async function insertInternalEvent(
  db: Knex,
  input: { tenantId: string; channelId: string; conversationKey: string; conversationId: string; kind: InternalKind; token: string; event: EngineEvent },
): Promise<boolean> {
  const payload: InternalPayload = { conversationId: input.conversationId, event: input.event };
  const rows = await forTenant(db, input.tenantId)
    .insert('inbound_events', {
      channel_id: input.channelId,
      provider_event_id: `${input.kind === 'timer' ? 'timer' : 'llm'}:${input.token}`,
      kind: input.kind,
      conversation_key: input.conversationKey,
      payload: JSON.stringify(payload),
    })
    .onConflict(['channel_id', 'provider_event_id'])
    .ignore()
    .returning('id');
  return rows.length > 0;
}
