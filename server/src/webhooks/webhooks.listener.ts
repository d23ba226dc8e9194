// Outbound webhooks' domain-event consumer: records one message per subscribed endpoint and
// enqueues its delivery. Nothing is sent here: deliveries run on the webhooks queue. A failure
// (Redis down) throws, and the dispatcher retries this listener alone for this event.
import type { Listener } from '../events/listener';
import { fanOut, rememberingLookup, type FanOutDeps } from './fan-out';
import { SOURCE_EVENT_TYPES } from './webhook-events';

export function webhooksListener(deps: FanOutDeps): Listener {
  const lookup = rememberingLookup();
  const handle = async (e: Parameters<typeof fanOut>[1]) => {
    try {
      await fanOut(deps, e, lookup);
    } catch (err) {
      lookup.forget(e.tenant_id); // e.g. an endpoint deleted since it was read: read again on the retry
      throw err;
    }
  };
  return { name: 'webhooks', handlers: Object.fromEntries(SOURCE_EVENT_TYPES.map((type) => [type, handle])) };
}
