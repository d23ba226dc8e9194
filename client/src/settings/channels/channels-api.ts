import { api } from '../../api/client';

// Wire types of /v1/channels (see /work/shared/API.md, Channels). Kept here because only
// Settings manages channels; the inbox only needs ids.

export const CHANNEL_TYPES = ['whatsapp_cloud', 'evolution', 'webchat'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

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
}

export interface CreateChannelBody {
  type: ChannelType;
  name: string;
  config: Record<string, string>;
}

export const channelsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Channel[] }>('/v1/channels', { signal }),
  create: (body: CreateChannelBody) => api.post<Channel>('/v1/channels', body),
};

export const isChannelType = (value: string): value is ChannelType =>
  (CHANNEL_TYPES as readonly string[]).includes(value);
