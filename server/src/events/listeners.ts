// The one list of domain-event consumers. A listener filters by event type and hands the event to
// its own concern (push to browsers, tenants' outbound webhooks, the inbox); adding a consumer is
// one file plus one line here.
import type { DomainEventRow, Listener } from './listener';
import { realtimeListener } from '../realtime/realtime.listener';
import type { RealtimeEmitter } from '../realtime/emitter';
import { inboxListener } from '../inbox/inbox.listener';
import { campaignsListener } from '../campaigns/campaigns.listener';
import type { Queues } from '../queues/queues';
import type { Knex } from 'knex';
import { webhooksListener } from '../webhooks/webhooks.listener';
import { webchatListener } from '../webchat/webchat.listener';

export type ListenerDeps = { emitter: RealtimeEmitter; queues: Queues; db: Knex };

export const createListeners = (deps: ListenerDeps): Listener[] => [
  realtimeListener(deps.emitter),
  inboxListener(deps.queues),
  webhooksListener({ db: deps.db, queues: deps.queues }),
  campaignsListener(deps.queues),
  webchatListener({ db: deps.db, emitter: deps.emitter }),
];

export type { DomainEventRow, Listener };
