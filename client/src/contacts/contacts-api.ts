import { api, apiRequest } from '../api/client';

// Wire types of /v1/contacts (see /work/shared/API.md, Contacts).
export interface Contact {
  id: string;
  channelId: string;
  name: string | null;
  phone: string | null;
  tags: string[];
  attributes: Record<string, string | number | boolean>;
  optedOut: boolean;
  optedOutAt: string | null;
  optedOutVia: string | null;
  optedInAt: string | null;
  optedInVia: string | null;
  createdAt: string;
}

export interface ContactImport {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  created: number;
  updated: number;
  rejected: number;
  /** Lines repeating an earlier line's phone, merged into its contact (reported as duplicate_phone). */
  merged: number;
  errors: Array<{ line: number; code: string; message: string; value?: string }>;
  failure: string | null;
  /** Each column that fills an attribute and the attribute's name ("Data de nascimento" → "Data_de_nascimento"). */
  attributeColumns: AttributeColumn[];
}

export type AttributeColumn = { column: string; attribute: string };

export type ContactFilter = { q?: string; tag?: string };

/** A contact field (attribute name) of the workspace, how many contacts have a value, and the flows using it. */
export interface ContactField { key: string; contacts: number; flows: Array<{ id: string; name: string }> }

/** A named search of this page (/v1/contact-filters); a campaign can take it as its audience. */
export interface SavedFilter { id: string; name: string; q: string | null; tags: string[]; createdAt: string }

export const savedFiltersApi = {
  list: (signal?: AbortSignal) => api.get<{ items: SavedFilter[] }>('/v1/contact-filters', { signal }),
  create: (body: { name: string; q?: string; tags: string[] }) => api.post<SavedFilter>('/v1/contact-filters', body),
  remove: (id: string) => api.delete<void>(`/v1/contact-filters/${id}`),
};

const query = (f: ContactFilter & { cursor?: string | null; limit?: number }) => {
  const params = new URLSearchParams();
  if (f.q?.trim()) params.set('q', f.q.trim());
  if (f.tag?.trim()) params.set('tag', f.tag.trim());
  if (f.cursor) params.set('cursor', f.cursor);
  if (f.limit) params.set('limit', String(f.limit));
  const s = params.toString();
  return s ? `?${s}` : '';
};

export const contactsApi = {
  list: (f: ContactFilter & { cursor?: string | null }, signal?: AbortSignal) =>
    api.get<{ items: Contact[]; nextCursor: string | null }>(`/v1/contacts${query({ ...f, limit: 50 })}`, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Contact>(`/v1/contacts/${encodeURIComponent(id)}`, { signal }),
  /** The workspace's tags, most used first, with how many contacts have each. */
  tags: (signal?: AbortSignal) => api.get<{ items: Array<{ tag: string; contacts: number }> }>('/v1/contacts/tags', { signal }),
  /** The attribute names contacts hold (an import's extra columns), most used first. */
  attributes: (signal?: AbortSignal) => api.get<{ items: Array<{ key: string; contacts: number }> }>('/v1/contacts/attributes', { signal }),
  /** The workspace's contact fields with their contacts and the flows reading or setting each. */
  fields: (signal?: AbortSignal) => api.get<{ items: ContactField[] }>('/v1/contacts/attributes/usage', { signal }),
  renameField: (from: string, to: string) =>
    api.post<{ from: string; to: string; contacts: number; merged: number }>('/v1/contacts/attributes/rename', { from, to }),
  deleteField: (name: string) => api.delete<{ name: string; contacts: number }>(`/v1/contacts/attributes/${encodeURIComponent(name)}`),
  /** The channel's newest contact, as an example of whom a campaign reaches. */
  sample: (channelId: string, signal?: AbortSignal) =>
    api.get<{ items: Contact[] }>(`/v1/contacts?${new URLSearchParams({ channelId, limit: '1' })}`, { signal }).then((r) => r.items[0] ?? null),
  /** A few contacts of a channel whose name or phone matches `q` (picking a customer to write to). */
  search: (q: string, channelId: string, signal?: AbortSignal) =>
    api.get<{ items: Contact[] }>(`/v1/contacts?${new URLSearchParams({ q, channelId, limit: '5' })}`, { signal }).then((r) => r.items),
  update: (id: string, body: { name?: string | null; tags?: string[]; attributes?: Record<string, string | null>; optedOut?: boolean }) => api.patch<Contact>(`/v1/contacts/${id}`, body),
  startImport: (csv: string, channelId?: string) =>
    apiRequest<{ id: string; attributeColumns: AttributeColumn[] }>(`/v1/contacts/import${channelId ? `?channelId=${encodeURIComponent(channelId)}` : ''}`, { method: 'POST', rawBody: new Blob([csv], { type: 'text/csv' }) }),
  getImport: (id: string) => api.get<ContactImport>(`/v1/contacts/imports/${id}`),
  exportCsv: (f: ContactFilter) => api.get<string>(`/v1/contacts/export${query(f)}`, { headers: { Accept: 'text/csv' } }),
  personalData: (id: string) => api.get<unknown>(`/v1/contacts/${id}/data`),
  erase: (id: string) => api.delete<void>(`/v1/contacts/${id}`),
};

/** Offers `content` as a file download. */
export function download(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
