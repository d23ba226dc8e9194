import { api } from './client';
import type { AuthResponse, AuthWorkspace, LoginBody, MeResponse, SignupBody, TokenPair, WorkspaceRole } from './types';

export type InvitationPreview = { email: string; role: WorkspaceRole; workspace: { name: string }; invitedBy: { name: string } | null; expiresAt: string };

// Login/signup go out without a bearer token so a stale session can't turn a wrong
// password (401 invalid_credentials) into a refresh attempt and a forced sign-out.
export const authApi = {
  signup: (body: SignupBody) => api.post<AuthResponse>('/v1/auth/signup', body, { auth: false }),
  login: (body: LoginBody) => api.post<AuthResponse>('/v1/auth/login', body, { auth: false }),
  me: (signal?: AbortSignal) => api.get<MeResponse>('/v1/me', { signal }),
  /** Whose workspace an invitation link is for (404 once used, revoked or expired). */
  previewInvitation: (token: string) =>
    api.post<InvitationPreview>('/v1/auth/invitation-preview', { token }, { auth: false }),
  acceptInvitation: (body: { token: string; name: string; password: string }) =>
    api.post<AuthResponse>('/v1/auth/accept-invitation', body, { auth: false }),
  requestPasswordReset: (email: string) => api.post<{ sendsEmail: boolean }>('/v1/auth/password-reset', { email }, { auth: false }),
  confirmPasswordReset: (token: string, password: string) =>
    api.post<void>('/v1/auth/password-reset/confirm', { token, password }, { auth: false }),
  switchWorkspace: (workspaceId: string) =>
    api.post<TokenPair & { workspace: AuthWorkspace; role: WorkspaceRole }>('/v1/auth/switch', { workspaceId }),
  /** The signed-in person's own name (the header and their team's lists follow). */
  renameMe: (name: string) => api.patch<{ user: AuthResponse['user'] }>('/v1/me', { name }),
  /** Ends every other login of this person; this one stays. */
  changePassword: (currentPassword: string, newPassword: string) => api.post<void>('/v1/me/password', { currentPassword, newPassword }),
  renameWorkspace: (name: string) => api.patch<AuthWorkspace>('/v1/settings/workspace', { name }),
  /** Ends this login on the server; the caller clears the local session either way. */
  logout: (refreshToken: string) => api.post<void>('/v1/auth/logout', { refreshToken }, { auth: false }),
};
