// socket.io gateway. Agents (access tokens) join their workspace's room, their own and their login's
// (agent-sockets.ts); web-chat visitors (visitor tokens, namespace /webchat) join their own
// conversation's room. With the Redis adapter, events emitted by any process reach sockets on every
// API process. An agent's open socket is a heartbeat of their presence.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { AccessClaims } from '../accounts/tokens';
import type { Logger } from '../log/logger';
import type { VisitorTokens } from '../webchat/visitor-tokens';
import { attachAgentSockets, type AgentSocketDeps } from './agent-sockets';
import { socketKey, tenantRoom, userRoom, visitorRoom } from './emitter';
import { realtimeConnections } from '../metrics/metrics';

export type Realtime = { io: Server; close(): Promise<void> };

/** What the gateway reports about agents' sockets (presence); wired in by the composition root. */
export type AgentSocketHooks = {
  heartbeat(who: { tenantId: string; userId: string }): Promise<unknown>;
  lastSocketClosed(who: { tenantId: string; userId: string }): Promise<unknown>;
  /** `typing` {conversationId, on} emitted by an agent's inbox. */
  agentTyping?(who: { tenantId: string; userId: string }, data: unknown): Promise<unknown>;
};

/** What web-chat visitors' sockets report: `typing` {on}. */
export type VisitorSocketHooks = { visitorTyping?(visitor: { tenantId: string; channelId: string; visitorId: string }, data: unknown): Promise<unknown> };

/** At most `perSecond` events a second from one socket; the rest are dropped (typing is live-only). */
function limited(perSecond: number, handle: (data: unknown) => void): (data: unknown) => void {
  let windowStart = 0;
  let count = 0;
  return (data) => {
    const now = Date.now();
    if (now - windowStart >= 1_000) [windowStart, count] = [now, 0];
    if (++count <= perSecond) handle(data);
  };
}

const tokenOf = (socket: Socket) => {
  const token = (socket.handshake.auth as { token?: unknown; visitorToken?: unknown }) ?? {};
  return { token: typeof token.token === 'string' ? token.token : null, visitorToken: typeof token.visitorToken === 'string' ? token.visitorToken : null };
};

function trackAgent(io: Server, socket: Socket, hooks: AgentSocketHooks | undefined, heartbeatMs: number, closing: () => boolean) {
  // Rooms are joined by attachAgentSockets; this only reports presence and typing.
  const auth = socket.data.auth as AccessClaims;
  if (!hooks) return;
  const who = { tenantId: auth.tenantId, userId: auth.userId };
  // Only a role that uses the inbox may type in a chat (the HTTP route is the inbox's too). The
  // socket's rooms follow role changes at once, so they are the check.
  const inInbox = () => socket.rooms.has(tenantRoom(who.tenantId, 'inbox'));
  socket.on('typing', limited(10, (data) => void (inInbox() && hooks.agentTyping?.(who, data))));
  void hooks.heartbeat(who);
  const timer = setInterval(() => void hooks.heartbeat(who), heartbeatMs);
  socket.on('disconnect', async () => {
    clearInterval(timer);
    // This process is shutting down: the agent's browser reconnects to another one, so they have
    // not left. (Asking the other processes now would also publish on a Redis connection being
    // closed, a rejection nobody can catch.)
    if (closing()) return;
    // Across API processes (the adapter asks the others): another tab may still be open.
    const others = await io.in(userRoom(who.tenantId, who.userId)).fetchSockets().catch(() => [{}]);
    if (others.length === 0) await hooks.lastSocketClosed(who);
  });
}

export function createRealtime(
  http: HttpServer,
  deps: AgentSocketDeps & {
    visitors: VisitorTokens; log: Logger; redis: Redis; prefix: string;
    agents?: AgentSocketHooks; visitorHooks?: VisitorSocketHooks; heartbeatMs?: number;
  },
): Realtime {
  // Visitors embed the widget on their own sites: allow any origin; auth is the token, not cookies.
  const io = new Server(http, { serveClient: false, cors: { origin: true, credentials: false } });
  let closing = false;
  // The adapter's clients must queue commands until connected (the request client fails fast).
  const pub = deps.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  const sub = deps.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  for (const c of [pub, sub]) c.on('error', (err) => deps.log.warn({ err: err.message }, 'realtime redis error'));
  // The adapter publishes without awaiting: requests to the other processes and its answers to
  // theirs. Another process's request that arrives while this one closes gets an answer on a
  // connection already quit, a rejection nobody can catch; the answer is moot then.
  const publish = pub.publish.bind(pub) as (channel: string, message: string) => Promise<number>;
  Object.assign(pub, {
    publish: (channel: string, message: string) => publish(channel, message).catch((err: unknown) => {
      if (closing) return 0;
      throw err;
    }),
  });
  io.adapter(createAdapter(pub, sub, { key: socketKey(deps.prefix), requestsTimeout: 2_000 }));

  attachAgentSockets(io.of('/'), deps, (socket) => tokenOf(socket).token);
  io.on('connection', (socket) => {
    realtimeConnections.inc();
    socket.on('disconnect', () => realtimeConnections.dec());
    trackAgent(io, socket, deps.agents, deps.heartbeatMs ?? 20_000, () => closing);
  });

  const webchat = io.of('/webchat');
  webchat.use(async (socket, next) => {
    const { visitorToken } = tokenOf(socket);
    if (!visitorToken) return next(new Error('unauthorized'));
    try {
      socket.data.visitor = await deps.visitors.verify(visitorToken);
      next();
    } catch {
      next(new Error('unauthorized'));
    }
  });
  webchat.on('connection', (socket) => {
    realtimeConnections.inc();
    socket.on('disconnect', () => realtimeConnections.dec());
    const v = socket.data.visitor as { tenantId: string; channelId: string; visitorId: string };
    void socket.join(visitorRoom(v.channelId, v.visitorId));
    socket.on('typing', limited(5, (data) => void deps.visitorHooks?.visitorTyping?.(v, data)));
  });

  return {
    io,
    close: () => {
      closing = true;
      return new Promise<void>((resolve) => io.close(() => resolve())).then(async () => {
        // The adapter unsubscribes without awaiting the replies: QUIT lets them arrive first (a
        // plain disconnect rejects them, unhandled). A Redis that is gone gets a hard disconnect.
        const quit = Promise.all([pub.quit(), sub.quit()]).catch(() => undefined);
        await Promise.race([quit, new Promise((r) => setTimeout(r, 2_000).unref())]);
        pub.disconnect();
        sub.disconnect();
      });
    },
  };
}
