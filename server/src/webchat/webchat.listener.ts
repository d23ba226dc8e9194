// Tells a web-chat visitor their chat was closed (by an agent, or idle): the widget then says so,
// instead of leaving the visitor waiting for a reply that will not come. WhatsApp customers are
// told nothing: there a closed chat is the business's own bookkeeping.
import type { Knex } from 'knex';
import { forTenant } from '../db/tenant-db';
import type { Listener } from '../events/listener';
import type { RealtimeEmitter } from '../realtime/emitter';
import { webchatVisitorOf } from './webchat.queries';

export function webchatListener(deps: { db: Knex; emitter: RealtimeEmitter }): Listener {
  return {
    name: 'webchat',
    handlers: {
      'conversation.closed': async (e) => {
        if (typeof e.payload.conversationId !== 'string') return;
        const visitor = await webchatVisitorOf(forTenant(deps.db, e.tenant_id), e.payload.conversationId);
        if (visitor) deps.emitter.toVisitor(visitor.channelId, visitor.visitorId, 'closed', {});
      },
    },
  };
}
