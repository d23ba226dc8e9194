// Whose snoozed chats the Snoozed folder holds. An owner or admin (who may snooze or wake a
// colleague's chat: the server's SUPERVISORS) sees every holder's, each row naming who holds it;
// an agent sees their own.
import type { WorkspaceRole } from '../../api/types';
import { isAdmin } from '../../auth/roles';
import type { Counts } from '../api/inbox-types';

export const seesAllSnoozed = (role: WorkspaceRole | null): boolean => isAdmin(role);

/** The Snoozed folder's badge: the workspace's count for a supervisor, else the caller's own. */
export const snoozedCount = (counts: Counts | null, role: WorkspaceRole | null): number | null =>
  (seesAllSnoozed(role) ? counts?.snoozedAll : counts?.snoozed) ?? null;
