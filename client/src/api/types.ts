// Wire types of the fixed auth contract (see the server's /v1/auth and /v1/me routes).

export interface AuthUser {
  id: string;
  email: string;
  name: string;
}

export interface AuthWorkspace {
  id: string;
  name: string;
}

/** Signup always yields "owner"; other roles come from invitations, so keep the type open. */
export type WorkspaceRole = 'owner' | (string & {});

export interface TokenPair {
  token: string;
  refreshToken: string;
}

export interface AuthResponse extends TokenPair {
  user: AuthUser;
  workspace: AuthWorkspace;
  role: WorkspaceRole;
}

export interface MeResponse {
  user: AuthUser;
  workspace: AuthWorkspace;
  role: WorkspaceRole;
  workspaces: AuthWorkspace[];
}

export interface SignupBody {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
}

export interface LoginBody {
  email: string;
  password: string;
}
