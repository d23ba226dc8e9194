// Outbound webhook endpoints, as GET/POST /v1/webhook-endpoints answer them.
import { api } from '../../api/client';

export type Endpoint = {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  disabledReason: 'failing' | 'gone' | null;
  failingSince: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
};
export type Delivery = {
  id: string;
  messageId: string;
  event: string;
  attempt: number;
  status: 'succeeded' | 'failed';
  responseCode: number | null;
  durationMs: number | null;
  error: string | null;
  manual: boolean;
  at: string;
};
export type Notice = { id: number; kind: string; data: { endpointId?: string; url?: string; reason?: string }; at: string };

const base = '/v1/webhook-endpoints';

export const webhooksApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Endpoint[]; eventTypes: string[] }>(base, { signal }),
  create: (url: string, events: string[]) => api.post<Endpoint & { secret: string }>(base, { url, events }),
  update: (id: string, body: Partial<Pick<Endpoint, 'url' | 'events' | 'active'>>) => api.patch<Endpoint>(`${base}/${id}`, body),
  remove: (id: string) => api.delete<void>(`${base}/${id}`),
  rotate: (id: string) => api.post<Endpoint & { secret: string }>(`${base}/${id}/rotate-secret`, {}),
  test: (id: string) => api.post<{ messageId: string }>(`${base}/${id}/test`),
  deliveries: (id: string) => api.get<{ items: Delivery[] }>(`${base}/${id}/deliveries`),
  resend: (id: string, deliveryId: string) => api.post<{ messageId: string }>(`${base}/${id}/deliveries/${deliveryId}/resend`),
  notices: () => api.get<{ items: Notice[] }>('/v1/notices'),
  dismissNotice: (id: number) => api.delete<void>(`/v1/notices/${id}`),
};
