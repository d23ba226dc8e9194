import { Navigate, Outlet, useLocation } from 'react-router';
import { selectIsSignedIn, useAuthStore } from './auth-store';
import { areaOf, canSee, homeFor } from './roles';

// Guards read the store reactively, so signing out anywhere (logout button, failed
// token refresh, another tab) immediately re-renders into a redirect.

/** Wraps routes that need a session; everyone else goes to /login. */
export function RequireAuth() {
  const signedIn = useAuthStore(selectIsSignedIn);
  return signedIn ? <Outlet /> : <Navigate to="/login" replace />;
}

/**
 * Wraps the areas: an address of an area the role does not use (a bookmark, a link a colleague
 * sent, a role just changed) goes to the role's home instead of a page of 403s.
 */
export function RequireArea() {
  const role = useAuthStore((s) => s.role);
  const area = areaOf(useLocation().pathname);
  return area && !canSee(area, role) ? <Navigate to={homeFor(role)} replace /> : <Outlet />;
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
