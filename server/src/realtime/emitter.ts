// Emits socket.io events from any process (API or worker) through Redis; the API processes'
// socket.io servers, joined by the Redis adapter, deliver them to the right sockets.
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';

export type RealtimeEmitter = {
  toTenant(tenantId: string, event: string, payload: unknown): void;
  toVisitor(channelId: string, visitorId: string, event: string, payload: unknown): void;
};

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const visitorRoom = (channelId: string, visitorId: string) => `wc:${channelId}:${visitorId}`;
export const userRoom = (tenantId: string, userId: string) => `user:${tenantId}:${userId}`;
export const socketKey = (prefix: string) => `${prefix}:socket.io`;

export function createRealtimeEmitter(redis: Redis, prefix: string): RealtimeEmitter {
  // Live updates are best effort (clients re-read on reconnect), and the emitter fires PUBLISH
  // without awaiting it: swallow a failure here rather than crash on an unhandled rejection.
  const client = { publish: (channel: string, message: string | Buffer) => redis.publish(channel, message).catch(() => 0) };
  const emitter = new Emitter(client, { key: socketKey(prefix) });
  const webchat = emitter.of('/webchat');
  return {
    toTenant: (tenantId, event, payload) => void emitter.to(tenantRoom(tenantId)).emit(event, payload),
    toVisitor: (channelId, visitorId, event, payload) => void webchat.to(visitorRoom(channelId, visitorId)).emit(event, payload),
  };
}
