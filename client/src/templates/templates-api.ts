import type { TemplateDefinition, TemplateEdit } from '@zyntra/flows-schema';
import { api } from '../api/client';

// Wire types of /v1/channels/{id}/templates (see /work/shared/API.md, WhatsApp templates).
export interface Template {
  id: string;
  channelId: string;
  providerId: string | null;
  name: string;
  language: string;
  category: string;
  previousCategory: string | null;
  status: string;
  reason: string | null;
  qualityScore: string | null;
  components: TemplateDefinition['components'];
  updatedAt: string;
}

export const templatesApi = {
  list: (channelId: string, signal?: AbortSignal) => api.get<{ items: Template[] }>(`/v1/channels/${channelId}/templates`, { signal }),
  sync: (channelId: string) => api.post<{ items: Template[] }>(`/v1/channels/${channelId}/templates/sync`),
  create: (channelId: string, body: TemplateDefinition) => api.post<Template>(`/v1/channels/${channelId}/templates`, body),
  /** New components (and category) of a rejected or paused template, at WhatsApp first: it is then PENDING. */
  edit: (channelId: string, id: string, body: TemplateEdit) => api.patch<Template>(`/v1/channels/${channelId}/templates/${id}`, body),
  /** One language, at WhatsApp first; 409 while a campaign still sends it. */
  remove: (channelId: string, id: string) => api.delete<void>(`/v1/channels/${channelId}/templates/${id}`),
};

export const STATUS_COLORS: Record<string, string> = {
  APPROVED: 'green', PENDING: 'yellow', REJECTED: 'red', PAUSED: 'orange', DISABLED: 'gray', IN_APPEAL: 'blue', FLAGGED: 'orange',
};
