import type { RouteDoc } from '../openapi/describe';
import { auditQuery } from './audit.routes';

export const auditDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/audit-log', tag: 'Audit log', summary: "The workspace's critical actions, newest first (owners)", query: auditQuery },
];
