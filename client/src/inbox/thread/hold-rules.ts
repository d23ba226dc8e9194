// Who may do what with a chat someone holds, as the server decides it (assignment.service.ts): the
// inbox offers only what would be accepted, and asks first where the caller cannot undo it.
import type { WorkspaceRole } from '../../api/types';
import { isAdmin } from '../../auth/roles';
import type { ConversationDetail } from '../api/inbox-types';

export type Held = Pick<ConversationDetail, 'id' | 'status' | 'assigneeId'>;

/**
 * What taking this chat means for the caller: `take` (nobody holds it), `takeOver` (a teammate holds
 * it and the caller supervises, asked first), or null (theirs already, closed, or an agent's to
 * ask for: the server would refuse, so no button offers it).
 */
export function takeKind(d: Held, meId: string | undefined, role: WorkspaceRole | null): 'take' | 'takeOver' | null {
  if (d.status === 'closed' || d.assigneeId === meId) return null;
  if (!d.assigneeId) return 'take';
  return isAdmin(role) ? 'takeOver' : null;
}

/** Whether the caller may give away, hand back or close this chat: nobody holds it, it is theirs, or they supervise. */
export function mayLetGo(d: Held, meId: string | undefined, role: WorkspaceRole | null): boolean {
  return !d.assigneeId || d.assigneeId === meId || isAdmin(role);
}

/**
 * What giving this chat to a teammate or a team means for the caller: `direct` (nobody holds it, it
 * stays with its holder, or a supervisor gives their own), `handOver` (an agent gives their own and
 * cannot take it back: asked first), `reassign` (a teammate holds it and the caller supervises: asked
 * first, naming the holder), or null (an agent and a colleague's chat: the server would refuse).
 */
export function assignKind(d: Held, toUserId: string | null, meId: string | undefined, role: WorkspaceRole | null): 'direct' | 'handOver' | 'reassign' | null {
  if (d.status === 'closed' || !mayLetGo(d, meId, role)) return null;
  if (!d.assigneeId || d.assigneeId === toUserId) return 'direct';
  if (d.assigneeId === meId) return isAdmin(role) ? 'direct' : 'handOver';
  return isAdmin(role) ? 'reassign' : null;
}
