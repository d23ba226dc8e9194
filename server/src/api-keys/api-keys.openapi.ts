import { z } from 'zod';
import { ROLES } from '../http/access';
import type { RouteDoc } from '../openapi/describe';
import { createKeyBody, keyIdParams } from './api-keys.routes';

/** api-keys.service.ts keyView. */
const key = z.object({
  id: z.uuid(), name: z.string(), role: z.enum(ROLES), hint: z.string().describe("The key's last 4 characters"),
  lastUsedAt: z.iso.datetime().nullable(), createdAt: z.iso.datetime(),
});

export const apiKeysDocs: RouteDoc[] = [
  { method: 'post', path: '/v1/api-keys', tag: 'API keys', summary: 'Create a key with a role (the secret is shown once)', body: createKeyBody, status: 201,
    response: key.extend({ key: z.string().describe('zk_…: the secret, shown this once; send it as `Authorization: Bearer <key>`') }) },
  { method: 'get', path: '/v1/api-keys', tag: 'API keys', summary: "The workspace's keys, with last use", response: z.object({ items: z.array(key) }) },
  { method: 'delete', path: '/v1/api-keys/:id', tag: 'API keys', summary: 'Revoke a key (refused at once)', params: keyIdParams, status: 204 },
];
