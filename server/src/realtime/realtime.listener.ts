// Pushes conversation and message events to the workspace's browsers (the inbox and the builder
// listen on their tenant room). Best effort: clients re-read on reconnect.
import type { EventType } from '../events/event-types';
import type { DomainEventRow, Listener } from '../events/listener';
import type { RealtimeEmitter } from './emitter';

const PUSHED: EventType[] = [
  'conversation.created', 'conversation.transferred', 'conversation.bot_paused', 'conversation.closed',
  'conversation.assigned', 'conversation.handed_back', 'message.created',
  'message.received', 'message.sent', 'message.delivered', 'message.read', 'message.failed', 'message.media_stored',
  'flow.published',
];

export function realtimeListener(emitter: RealtimeEmitter): Listener {
  const push = (e: DomainEventRow) => emitter.toTenant(e.tenant_id, e.type, { id: e.id, type: e.type, at: e.created_at, ...e.payload });
  return { name: 'realtime', handlers: Object.fromEntries(PUSHED.map((type) => [type, push])) };
}
