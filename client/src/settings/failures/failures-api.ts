// Settings → Failures: what the pipeline set aside (GET /v1/operations/failures) and its retries.
import { api } from '../../api/client';

export type FailedContact = { name: string | null; phone: string | null } | null;
export type FailedEvent = {
  id: string; kind: string; conversationKey: string; contact: FailedContact;
  error: string | null; attempts: number; receivedAt: string; failedAt: string | null;
};
export type FailedMessage = {
  id: string; conversationId: string; contact: FailedContact; text: string | null; type: string;
  error: string | null; attempts: number; failedAt: string;
  /** A marketing template to a customer who opted out since: never sent again. */
  optedOut: boolean;
};
export type FailingEndpoint = { id: string; url: string; failingSince: string | null; disabledAt: string | null; disabledReason: string | null };
export type Failures = {
  events: FailedEvent[]; messages: FailedMessage[];
  totals: { events: number; messages: number; capped: boolean };
  webhooks: FailingEndpoint[];
};
export type RetriedAll = { messages: number; events: number; remaining: number; optedOut: number };

export const failuresApi = {
  list: (signal?: AbortSignal) => api.get<Failures>('/v1/operations/failures', { signal }),
  retry: (what: 'events' | 'messages', id: string) => api.post(`/v1/operations/failures/${what}/${id}/retry`, {}),
  retryAll: () => api.post<RetriedAll>('/v1/operations/failures/retry-all', {}),
};

/** Who a failure concerns, as the page names them: "Ana Souza · 5511…", the number alone, or the id in the key. */
export const whoOf = (contact: FailedContact, conversationKey?: string) =>
  [contact?.name, contact?.phone].filter(Boolean).join(' · ') || conversationKey?.split(':').pop() || '';
