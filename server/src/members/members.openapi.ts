import type { RouteDoc } from '../openapi/describe';
import { body as presenceBody } from '../presence/presence.routes';

export const membersDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/members', tag: 'Members', summary: "The workspace's members" },
  { method: 'get', path: '/v1/me/presence', tag: 'Members', summary: "The caller's presence" },
  { method: 'put', path: '/v1/me/presence', tag: 'Members', summary: 'Set online, away or offline', body: presenceBody },
];
