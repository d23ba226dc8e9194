import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type {
  AuthResponse,
  AuthUser,
  AuthWorkspace,
  MeResponse,
  TokenPair,
  WorkspaceRole,
} from '../api/types';

export const AUTH_STORAGE_KEY = 'zyntra.auth';

interface AuthData {
  token: string | null;
  refreshToken: string | null;
  user: AuthUser | null;
  workspace: AuthWorkspace | null;
  role: WorkspaceRole | null;
}

export interface AuthState extends AuthData {
  /** True after the session died on its own (refresh rejected), so the login page can say why. */
  sessionExpired: boolean;
  /** The workspace the member was removed from (their session ended for that reason), for the login page. */
  removedFrom: string | null;
  signIn: (resp: AuthResponse) => void;
  setTokens: (tokens: TokenPair) => void;
  setProfile: (me: Pick<MeResponse, 'user' | 'workspace' | 'role'>) => void;
  /** `workspace`: the one a removed member was removed from, as the server named it. */
  signOut: (reason?: 'expired' | 'removed', workspace?: string | null) => void;
}

const signedOut: AuthData = { token: null, refreshToken: null, user: null, workspace: null, role: null };

export const useAuthStore = create<AuthState>()(
  persist(
    (set) => ({
      ...signedOut,
      sessionExpired: false,
      removedFrom: null,
      signIn: ({ token, refreshToken, user, workspace, role }) =>
        set({ token, refreshToken, user, workspace, role, sessionExpired: false, removedFrom: null }),
      setTokens: ({ token, refreshToken }) => set({ token, refreshToken }),
      setProfile: ({ user, workspace, role }) => set({ user, workspace, role }),
      signOut: (reason, workspace) =>
        set((s) => ({ ...signedOut, sessionExpired: reason === 'expired', removedFrom: reason === 'removed' ? (workspace || s.workspace?.name || '') : null })),
    }),
    {
      name: AUTH_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // Only the session itself survives a reload; UI flags like sessionExpired do not.
      partialize: ({ token, refreshToken, user, workspace, role }): AuthData => ({
        token,
        refreshToken,
        user,
        workspace,
        role,
      }),
    },
  ),
);

export const selectIsSignedIn = (s: AuthState): boolean => s.token !== null;

// Another tab signing in or out (or rotating tokens) writes localStorage; re-read it so
// this tab neither keeps showing a dead session nor replays an already-used refresh token.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === AUTH_STORAGE_KEY) void useAuthStore.persist.rehydrate();
  });
}
