// Emits socket.io events from any process (API or worker) through Redis; the API processes'
// socket.io servers, joined by the Redis adapter, deliver them to the right sockets.
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { Access, Role } from '../http/access';
import { admits } from '../http/access';

/** Who in a workspace receives an event: every member, or the roles one access level admits. */
export type Audience = Extract<Access, 'member' | 'inbox' | 'marketing'>;
const AUDIENCES: readonly Audience[] = ['member', 'inbox', 'marketing'];

export type RealtimeEmitter = {
  toTenant(tenantId: string, event: string, payload: unknown, audience: Audience): void;
  toVisitor(channelId: string, visitorId: string, event: string, payload: unknown): void;
  /** Drops every socket of this user in this workspace, on every API process. */
  disconnectUser(tenantId: string, userId: string): void;
  /** Drops every socket opened with an access token of this refresh-token family (one login). */
  disconnectFamily(familyId: string): void;
  /** Moves this user's open sockets into the rooms of their new role, on every API process. */
  applyRole(tenantId: string, userId: string, role: Role): void;
};

/** A workspace's room for one audience: a socket is in those its member's role admits. */
export const tenantRoom = (tenantId: string, audience: Audience = 'member') => (audience === 'member' ? `tenant:${tenantId}` : `tenant:${tenantId}:${audience}`);
export const roomsOfRole = (tenantId: string, role: Role) => AUDIENCES.filter((a) => admits(a, role)).map((a) => tenantRoom(tenantId, a));
export const roomsNotOfRole = (tenantId: string, role: Role) => AUDIENCES.filter((a) => !admits(a, role)).map((a) => tenantRoom(tenantId, a));
export const userRoom = (tenantId: string, userId: string) => `user:${tenantId}:${userId}`;
export const familyRoom = (familyId: string) => `family:${familyId}`;
export const visitorRoom = (channelId: string, visitorId: string) => `wc:${channelId}:${visitorId}`;
export const socketKey = (prefix: string) => `${prefix}:socket.io`;

export function createRealtimeEmitter(redis: Redis, prefix: string): RealtimeEmitter {
  // Live updates are best effort (clients re-read on reconnect), and the emitter fires PUBLISH
  // without awaiting it: swallow a failure here rather than crash on an unhandled rejection.
  const client = { publish: (channel: string, message: string | Buffer) => redis.publish(channel, message).catch(() => 0) };
  const emitter = new Emitter(client, { key: socketKey(prefix) });
  const webchat = emitter.of('/webchat');
  return {
    toTenant: (tenantId, event, payload, audience) => void emitter.to(tenantRoom(tenantId, audience)).emit(event, payload),
    toVisitor: (channelId, visitorId, event, payload) => void webchat.to(visitorRoom(channelId, visitorId)).emit(event, payload),
    disconnectUser: (tenantId, userId) => emitter.in(userRoom(tenantId, userId)).disconnectSockets(true),
    disconnectFamily: (familyId) => emitter.in(familyRoom(familyId)).disconnectSockets(true),
    applyRole(tenantId, userId, role) {
      emitter.in(userRoom(tenantId, userId)).socketsLeave(roomsNotOfRole(tenantId, role));
      emitter.in(userRoom(tenantId, userId)).socketsJoin(roomsOfRole(tenantId, role));
    },
  };
}
