// socket.io gateway: an authenticated socket joins its workspace's room; listeners of domain
// events emit into those rooms.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { TokenService } from '../accounts/tokens';
import type { Logger } from '../log/logger';

export type Realtime = { io: Server; toTenant(tenantId: string, event: string, payload: unknown): void; close(): Promise<void> };

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;

export function createRealtime(http: HttpServer, deps: { tokens: TokenService; log: Logger }): Realtime {
  const io = new Server(http, { serveClient: false, cors: { origin: false } });
  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    if (typeof token !== 'string') return next(new Error('unauthorized'));
    try {
      socket.data.auth = await deps.tokens.verifyAccess(token);
      next();
    } catch {
      next(new Error('unauthorized'));
    }
  });
  io.on('connection', (socket) => {
    const { tenantId } = socket.data.auth as { tenantId: string };
    void socket.join(tenantRoom(tenantId));
  });
  return {
    io,
    toTenant: (tenantId, event, payload) => io.to(tenantRoom(tenantId)).emit(event, payload),
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}
