// Members, teams, presence, canned responses, inbox settings and reports.
import { api } from '../../api/client';
import type { CannedResponse, InboxSettings, Member, Presence, ResponseTimes, TransfersByDay, Team } from './inbox-types';
import { readerTimeZone } from '../../shared/local-day';

const id = (base: string, value: string) => `${base}/${encodeURIComponent(value)}`;

export const peopleApi = {
  members: (signal?: AbortSignal) => api.get<{ items: Member[] }>('/v1/members', { signal }).then((r) => r.items),
  teams: (signal?: AbortSignal) => api.get<{ items: Team[] }>('/v1/teams', { signal }).then((r) => r.items),
  createTeam: (body: { name: string; memberIds: string[] }) => api.post<Team>('/v1/teams', body),
  updateTeam: (teamId: string, body: { name?: string; memberIds?: string[] }) => api.patch<Team>(id('/v1/teams', teamId), body),
  deleteTeam: (teamId: string) => api.delete<void>(id('/v1/teams', teamId)),

  presence: () => api.get<{ status: Presence }>('/v1/me/presence'),
  setPresence: (status: Presence) => api.put<{ status: Presence }>('/v1/me/presence', { status }),

  canned: (q = '', signal?: AbortSignal) =>
    api.get<{ items: CannedResponse[] }>(`/v1/canned-responses${q ? `?q=${encodeURIComponent(q)}` : ''}`, { signal }).then((r) => r.items),
  createCanned: (body: { shortcut: string; text: string }) => api.post<CannedResponse>('/v1/canned-responses', body),
  updateCanned: (cannedId: string, body: { shortcut?: string; text?: string }) =>
    api.patch<CannedResponse>(id('/v1/canned-responses', cannedId), body),
  deleteCanned: (cannedId: string) => api.delete<void>(id('/v1/canned-responses', cannedId)),

  inboxSettings: (signal?: AbortSignal) => api.get<InboxSettings>('/v1/settings/inbox', { signal }),
  saveInboxSettings: (body: InboxSettings) => api.put<InboxSettings>('/v1/settings/inbox', body),

  responseTimes: (from: string, to: string, signal?: AbortSignal) =>
    api.get<ResponseTimes>(`/v1/reports/response-times?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { signal }),

  /** Counted in this browser's days. */
  transfersByDay: (from: string, to: string, signal?: AbortSignal) =>
    api.get<TransfersByDay>(`/v1/reports/transfers/daily?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&tz=${encodeURIComponent(readerTimeZone())}`, { signal }),

  updateContact: (contactId: string, body: { name?: string; tags?: string[]; attributes?: Record<string, unknown>; optedOut?: boolean }) =>
    api.patch<{ id: string; name: string | null; tags: string[]; attributes: Record<string, unknown> }>(id('/v1/contacts', contactId), body),
};
