import type { RouteDoc } from '../openapi/describe';
import { createKeyBody, keyIdParams } from './api-keys.routes';

export const apiKeysDocs: RouteDoc[] = [
  { method: 'post', path: '/v1/api-keys', tag: 'API keys', summary: 'Create a key with a role (the secret is shown once)', body: createKeyBody, status: 201 },
  { method: 'get', path: '/v1/api-keys', tag: 'API keys', summary: "The workspace's keys, with last use" },
  { method: 'delete', path: '/v1/api-keys/:id', tag: 'API keys', summary: 'Revoke a key (refused at once)', params: keyIdParams, status: 204 },
];
