// Client for the /v1/flows routes of ../shared/API.md, shared by the list page and the builder.
import type { Problem } from '@zyntra/flows-schema';
import { api } from '../api/client';

export type FlowStatus = 'draft' | 'published';

export interface FlowSummary {
  id: string;
  name: string;
  status: FlowStatus;
  revision: number;
  publishedVersion: number | null;
  /** Published, and the draft differs from the live version. */
  hasUnpublishedChanges: boolean;
  triggerKeywords: string[];
  updatedAt: string;
  createdAt: string;
  /** Conversations the flow handled in the last 7 days (absent on servers without analytics). */
  conversationsLast7Days?: number;
}

export interface FlowDetail extends Omit<FlowSummary, 'triggerKeywords' | 'conversationsLast7Days'> {
  /** The draft as stored: any JSON object, possibly invalid. */
  document: unknown;
  problems: Problem[];
  publishedVersionId: string | null;
  /** On the flow's own read: whether its AI reply steps have an AI provider to ask. */
  hasAiProvider?: boolean;
}

export interface FlowVersion {
  id: string;
  version: number;
  createdAt: string;
  publishedBy: { id: string; name: string } | null;
}

const path = (id: string, rest = '') => `/v1/flows/${encodeURIComponent(id)}${rest}`;

export const flowsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: FlowSummary[] }>('/v1/flows', { signal }).then((r) => r.items),
  get: (id: string, signal?: AbortSignal) => api.get<FlowDetail>(path(id), { signal }),
  create: (name: string, document?: unknown) => api.post<FlowDetail>('/v1/flows', { name, document }),
  save: (id: string, document: unknown, baseRevision?: number) =>
    api.put<FlowDetail>(path(id), { document, baseRevision }),
  rename: (id: string, name: string) => api.patch<FlowDetail>(path(id), { name }),
  remove: (id: string) => api.delete<void>(path(id)),
  duplicate: (id: string) => api.post<FlowDetail>(path(id, '/duplicate')),
  /** `unchanged`: the draft was the live version already, so no version was made. */
  publish: (id: string, baseRevision?: number) =>
    api.post<{ version: FlowVersion; unchanged: boolean }>(path(id, '/publish'), { baseRevision }),
  version: (id: string, versionId: string, signal?: AbortSignal) =>
    api.get<FlowVersion & { document: unknown }>(path(id, `/versions/${encodeURIComponent(versionId)}`), { signal }),
  /** The send_template steps of `document` checked against the workspace's WhatsApp templates. */
  templateProblems: (id: string, document: unknown, signal?: AbortSignal) =>
    api.post<{ problems: Problem[] }>(path(id, '/template-problems'), { document }, { signal }).then((r) => r.problems),
  versions: (id: string) => api.get<{ items: FlowVersion[] }>(path(id, '/versions')).then((r) => r.items),
  restore: (id: string, versionId: string, baseRevision?: number) =>
    api.post<FlowDetail>(path(id, `/versions/${encodeURIComponent(versionId)}/restore`), { baseRevision }),
  exportDocument: (id: string) => api.get<unknown>(path(id, '/export')),
  importDocument: (name: string, document: unknown) => api.post<FlowDetail>('/v1/flows/import', { name, document }),
};
