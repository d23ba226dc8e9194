// Timers and LLM results re-enter the pipeline as inbound events of their conversation (deduped
// by token), so they are processed in order with the customer's messages and exactly once.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import type { EngineEvent } from '../engine/events';

/** The payload of a timer or LLM result event: the conversation it belongs to and the engine event it carries. */
export type InternalPayload = { conversationId: string; event: EngineEvent };

/** Inbound event kinds that carry the answer of a step's async effect ('effect': any kind started with start_effect). */
export type InternalKind = 'timer' | 'llm_result' | 'llm_failed' | 'effect';

const eventIdOf = (kind: InternalKind, token: string) => `${kind === 'timer' ? 'timer' : 'llm'}:${token}`;

export async function insertInternalEvent(
  db: Knex,
  input: { tenantId: string; channelId: string; conversationKey: string; conversationId: string; kind: InternalKind; token: string; event: EngineEvent },
): Promise<boolean> {
  const payload: InternalPayload = { conversationId: input.conversationId, event: input.event };
  const rows = await forTenant(db, input.tenantId)
    .insert('inbound_events', {
      channel_id: input.channelId,
      provider_event_id: eventIdOf(input.kind, input.token),
      kind: input.kind,
      conversation_key: input.conversationKey,
      payload: JSON.stringify(payload),
    })
    .onConflict(['channel_id', 'provider_event_id'])
    .ignore()
    .returning('id');
  return rows.length > 0;
}

/**
 * Whether the answer of the LLM call or step effect with this token is stored: by its own job, or by
 * the sweeper in its place when the job was taken for lost. A job started again after that (its
 * worker died after storing it, or it ran late) has nothing left to do and must not call out again.
 */
export async function effectAnswered(db: Knex, input: { tenantId: string; channelId: string; token: string }): Promise<boolean> {
  const row = await forTenant(db, input.tenantId).from('inbound_events')
    .where({ channel_id: input.channelId, provider_event_id: eventIdOf('effect', input.token) }).first('id');
  return Boolean(row);
}
