// Agents' sockets (access tokens, default namespace). Each joins its workspace's rooms that the
// member's current role admits (the inbox's, the marketing roles'), its user's room in that workspace
// and its login's (refresh-token family's) room, so removing the member or
// revoking the login drops it on every API process through the Redis adapter. A token whose
// session ended is refused at connect. A socket lives no longer than its access token: before it
// expires the client emits `reauthenticate` with a fresh token (same user and workspace), or the
// server disconnects it and the client reconnects with a fresh token.
import type { Namespace, Socket } from 'socket.io';
import type { AccessClaims, TokenService, VerifiedAccess } from '../accounts/tokens';
import type { Role } from '../http/access';
import { familyRoom, roomsNotOfRole, roomsOfRole, userRoom } from './emitter';

/** `sessionRole`: the role the member holds now (a token's claim may predate a change), null once the session ended. */
export type AgentSocketDeps = { tokens: TokenService; sessionRole(auth: AccessClaims): Promise<Role | null> };
type Ack = (reply: { ok: true } | { ok: false; error: string }) => void;

const MAX_TIMER_MS = 2 ** 31 - 1;
// Expiry timers live beside the socket, not in socket.data: the Redis adapter serializes socket.data
// (fetchSockets across processes) and a Timeout is a circular structure.
const expiries = new WeakMap<Socket, NodeJS.Timeout>();

function armExpiry(socket: Socket): void {
  clearTimeout(expiries.get(socket));
  expiries.set(socket, expiryTimer(socket));
}

const roomsOf = (a: AccessClaims) => [...roomsOfRole(a.tenantId, a.role), userRoom(a.tenantId, a.userId), ...(a.familyId ? [familyRoom(a.familyId)] : [])];

async function verifyLive(deps: AgentSocketDeps, token: unknown): Promise<VerifiedAccess | null> {
  if (typeof token !== 'string') return null;
  const auth = await deps.tokens.verifyAccess(token).catch(() => null);
  const role = auth && (await deps.sessionRole(auth));
  return auth && role ? { ...auth, role } : null;
}

/** Disconnects the socket when its current token expires (re-armed past the longest timer). */
function expiryTimer(socket: Socket): NodeJS.Timeout {
  const { expiresAt } = socket.data.auth as VerifiedAccess;
  const timer = setTimeout(() => {
    if (Date.now() >= expiresAt) socket.disconnect(true);
    else expiries.set(socket, expiryTimer(socket));
  }, Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())));
  timer.unref();
  return timer;
}

async function reauthenticate(deps: AgentSocketDeps, socket: Socket, token: unknown, ack: Ack) {
  const next = await verifyLive(deps, token);
  const current = socket.data.auth as VerifiedAccess;
  if (!next) return ack({ ok: false, error: 'unauthorized' });
  if (next.userId !== current.userId || next.tenantId !== current.tenantId) return ack({ ok: false, error: 'forbidden' });
  if (current.familyId && current.familyId !== next.familyId) await socket.leave(familyRoom(current.familyId));
  socket.data.auth = next;
  for (const room of roomsNotOfRole(next.tenantId, next.role)) await socket.leave(room);
  await socket.join(roomsOf(next));
  armExpiry(socket);
  ack({ ok: true });
}

export function attachAgentSockets(nsp: Namespace, deps: AgentSocketDeps, tokenOf: (socket: Socket) => unknown): void {
  nsp.use(async (socket, next) => {
    const auth = await verifyLive(deps, tokenOf(socket)).catch(() => null);
    if (!auth) return next(new Error('unauthorized'));
    socket.data.auth = auth;
    next();
  });
  nsp.on('connection', (socket) => {
    void socket.join(roomsOf(socket.data.auth as VerifiedAccess));
    armExpiry(socket);
    socket.on('reauthenticate', (token: unknown, ack: unknown) => {
      const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => {};
      reauthenticate(deps, socket, token, reply).catch(() => reply({ ok: false, error: 'unavailable' }));
    });
    socket.on('disconnect', () => clearTimeout(expiries.get(socket)));
  });
}
