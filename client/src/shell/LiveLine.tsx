import { Outlet } from 'react-router';
import { useInboxLive } from '../inbox/sync/use-inbox-live';

/**
 * Wraps every signed-in page, the app shell's and the full-screen builder's alike, and keeps the
 * tab's realtime line open across them: going from the inbox to a flow and back never closes and
 * reopens the socket, and the builder hears the workspace's events (templates reviewed, the flow
 * published by a colleague) as the shell's pages do.
 */
export function LiveLine() {
  useInboxLive();
  return <Outlet />;
}
