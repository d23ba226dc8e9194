// Outbound webhooks' domain-event consumer: records one message per subscribed endpoint and
// enqueues its delivery. Nothing is sent here: deliveries run on the webhooks queue. A failure
// (Redis down) throws, and the dispatcher retries this listener alone for this event.
import type { Listener } from '../events/listener';
import { fanOut, type FanOutDeps } from './fan-out';
import { SOURCE_EVENT_TYPES } from './webhook-events';

export function webhooksListener(deps: FanOutDeps): Listener {
  const handle = (e: Parameters<typeof fanOut>[1]) => fanOut(deps, e);
  return { name: 'webhooks', handlers: Object.fromEntries(SOURCE_EVENT_TYPES.map((type) => [type, handle])) };
}
