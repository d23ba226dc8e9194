// Pushes conversation and message events to the workspace's browsers, each to the members whose
// role may see it (see audienceOf). Best effort: after a reconnect clients catch up from GET /v1/events.
import type { DomainEventRow, Listener } from '../events/listener';
import type { RealtimeEmitter } from './emitter';
import { PUSHED_EVENT_TYPES, audienceOf, browserEvent } from './pushed-events';

export function realtimeListener(emitter: RealtimeEmitter): Listener {
  const push = (e: DomainEventRow) => emitter.toTenant(e.tenant_id, e.type, browserEvent(e), audienceOf(e.type));
  return { name: 'realtime', handlers: Object.fromEntries(PUSHED_EVENT_TYPES.map((type) => [type, push])) };
}
