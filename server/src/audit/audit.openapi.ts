import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { auditQuery } from './audit.routes';

/** audit.routes.ts: one logged action; `data` holds what it changed (names, roles, keys), by action; never a secret. */
const entry = z.object({
  id: z.string(),
  action: z.string().describe('member.invited, member.role_changed, api_key.created, channel.credentials_changed, flow.published, template.deleted, webhook_endpoint.created, ai_settings.changed…'),
  targetType: z.string().nullable(), targetId: z.string().nullable(),
  targetName: z.string().nullable().describe("The member's, contact's, workspace's or flow's name as it is now; a webhook endpoint's URL or the AI provider's base URL as the entry recorded it (null for other targets, or one since deleted)"),
  data: z.record(z.string(), z.unknown()),
  actor: z.object({ id: z.uuid(), name: z.string(), email: z.string() })
    .nullable().describe('null for the system, or a member since deleted'),
  at: z.iso.datetime(),
}).loose();

export const auditDocs: RouteDoc[] = [
  {
    method: 'get', path: '/v1/audit-log', tag: 'Audit log', summary: "The workspace's critical actions, newest first (owners)", query: auditQuery,
    response: z.object({ items: z.array(entry), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page') }),
  },
];
