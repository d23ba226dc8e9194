import { Navigate, Outlet } from 'react-router';
import { selectIsSignedIn, useAuthStore } from './auth-store';
import { homeFor } from './roles';

// Guards read the store reactively, so signing out anywhere (logout button, failed
// token refresh, another tab) immediately re-renders into a redirect.

/** Wraps routes that need a session; everyone else goes to /login. */
export function RequireAuth() {
  const signedIn = useAuthStore(selectIsSignedIn);
  return signedIn ? <Outlet /> : <Navigate to="/login" replace />;
}

/** Wraps /login and /signup; a signed-in user has nothing to do there. */
export function GuestOnly() {
  const signedIn = useAuthStore(selectIsSignedIn);
  const role = useAuthStore((s) => s.role);
  return signedIn ? <Navigate to={homeFor(role)} replace /> : <Outlet />;
}

/** `/`: the app's home for a session, the login page without one. */
export function RootRedirect() {
  const signedIn = useAuthStore(selectIsSignedIn);
  const role = useAuthStore((s) => s.role);
  return <Navigate to={signedIn ? homeFor(role) : '/login'} replace />;
}
