import { api } from '../../api/client';

// Wire types of /v1/channels (see /work/shared/API.md, Channels). Kept here because only
// Settings manages channels; the inbox only needs ids.

export const CHANNEL_TYPES = ['whatsapp_cloud', 'evolution', 'webchat'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** A connection test: `reason` in words of the user's language, `detail` the provider's own. */
export interface Connection {
  ok: boolean;
  detail: string;
  reason?: 'connected' | 'hosted' | 'provider_refused' | 'unreachable' | 'instance_not_open';
  status?: number;
  state?: string;
}

export interface ChannelHealth {
  kind: string;
  code: string | null;
  message: string;
  severity: 'info' | 'warning' | 'critical';
  at: string;
}

export interface Channel {
  id: string;
  /** Open: the server may know types this build doesn't (telegram is planned). */
  type: ChannelType | (string & {});
  name: string;
  /** Non-secret settings only; the server never returns tokens or app secrets. */
  config: Record<string, string>;
  status: string;
  /** Null for web chat, which receives messages over the widget's socket instead. */
  webhookUrl: string | null;
  /** The provider's latest notice about the number (webhook errors, account and quality events), or null. */
  health?: ChannelHealth | null;
  createdAt: string;
  /** e.g. `webhook_url_loopback`: the provider cannot reach the URL shown (PUBLIC_URL unset). */
  warnings?: string[];
  /** The provider's answer to the last connection test (create, edit, test, enable). */
  connection?: Connection;
}

export interface CreateChannelBody {
  type: ChannelType;
  name: string;
  config: Record<string, string>;
}

export const channelsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Channel[] }>('/v1/channels', { signal }),
  create: (body: CreateChannelBody) => api.post<Channel>('/v1/channels', body),
  update: (id: string, body: { name?: string; config?: Record<string, string> }) => api.patch<Channel>(`/v1/channels/${encodeURIComponent(id)}`, body),
  test: (id: string) => api.post<Channel>(`/v1/channels/${encodeURIComponent(id)}/test`),
  setEnabled: (id: string, enabled: boolean) => api.post<Channel>(`/v1/channels/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`),
  remove: (id: string) => api.delete<void>(`/v1/channels/${encodeURIComponent(id)}`),
};

export const isChannelType = (value: string): value is ChannelType =>
  (CHANNEL_TYPES as readonly string[]).includes(value);
