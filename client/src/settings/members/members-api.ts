import { api } from '../../api/client';
import type { Role } from '../../auth/roles';

export type Member = { userId: string; email: string; name: string; role: Role; teamIds: string[] };
export type Invitation = { id: string; email: string; role: Role; expiresAt: string; createdAt: string };
export type ApiKey = { id: string; name: string; role: Role; hint: string; lastUsedAt: string | null; createdAt: string };
export type AuditEntry = {
  id: string; action: string; targetType: string | null; targetId: string | null;
  /** Whom or what it was about, by name as it is now (a member, a contact, the workspace, a flow); a webhook endpoint or the AI provider by its address. */
  targetName?: string | null;
  data: Record<string, unknown>;
  actor: { id: string; name: string | null; email: string | null } | null; at: string;
};

export const membersApi = {
  members: () => api.get<{ items: Member[] }>('/v1/members'),
  /** For the teams' names: a member's `teamIds` only say which. */
  teams: () => api.get<{ items: Array<{ id: string; name: string }> }>('/v1/teams'),
  setRole: (userId: string, role: Role) => api.patch<{ userId: string; role: Role; revokedApiKeys: number }>(`/v1/members/${encodeURIComponent(userId)}`, { role }),
  remove: (userId: string) => api.delete<void>(`/v1/members/${encodeURIComponent(userId)}`),
  /** `sendsEmail`: false when this server has no email set up (SMTP_URL): an invitation's link is handed over. */
  invitations: () => api.get<{ items: Invitation[]; sendsEmail?: boolean }>('/v1/invitations'),
  invite: (email: string, role: Role) => api.post<Invitation & { url: string; replaced: boolean; emailed: boolean }>('/v1/invitations', { email, role }),
  revokeInvitation: (id: string) => api.delete<void>(`/v1/invitations/${encodeURIComponent(id)}`),
  apiKeys: () => api.get<{ items: ApiKey[] }>('/v1/api-keys'),
  createKey: (name: string, role: Role) => api.post<ApiKey & { key: string }>('/v1/api-keys', { name, role }),
  revokeKey: (id: string) => api.delete<void>(`/v1/api-keys/${encodeURIComponent(id)}`),
  audit: (cursor?: string) => api.get<{ items: AuditEntry[]; nextCursor: string | null }>(`/v1/audit-log${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
};
