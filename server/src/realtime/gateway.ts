// socket.io gateway. Agents (access tokens) join their workspace's room (agent-sockets.ts); web-chat
// visitors (visitor tokens, namespace /webchat) join their own conversation's room. With the Redis
// adapter, events emitted by any process reach sockets on every API process.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { Logger } from '../log/logger';
import type { VisitorTokens } from '../webchat/visitor-tokens';
import { attachAgentSockets, type AgentSocketDeps } from './agent-sockets';
import { socketKey, visitorRoom } from './emitter';

export type Realtime = { io: Server; close(): Promise<void> };

const tokenOf = (socket: Socket) => {
  const token = (socket.handshake.auth as { token?: unknown; visitorToken?: unknown }) ?? {};
  return { token: typeof token.token === 'string' ? token.token : null, visitorToken: typeof token.visitorToken === 'string' ? token.visitorToken : null };
};

export function createRealtime(
  http: HttpServer,
  deps: AgentSocketDeps & { visitors: VisitorTokens; log: Logger; redis: Redis; prefix: string },
): Realtime {
  // Visitors embed the widget on their own sites: allow any origin; auth is the token, not cookies.
  const io = new Server(http, { serveClient: false, cors: { origin: true, credentials: false } });
  // The adapter's clients must queue commands until connected (the request client fails fast).
  const pub = deps.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  const sub = deps.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  for (const c of [pub, sub]) c.on('error', (err) => deps.log.warn({ err: err.message }, 'realtime redis error'));
  io.adapter(createAdapter(pub, sub, { key: socketKey(deps.prefix) }));

  attachAgentSockets(io.of('/'), deps, (socket) => tokenOf(socket).token);

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
    const v = socket.data.visitor as { channelId: string; visitorId: string };
    void socket.join(visitorRoom(v.channelId, v.visitorId));
  });

  return {
    io,
    close: () =>
      new Promise<void>((resolve) => {
        io.close(() => {
          pub.disconnect();
          sub.disconnect();
          resolve();
        });
      }),
  };
}
