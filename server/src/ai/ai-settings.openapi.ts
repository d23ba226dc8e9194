import type { RouteDoc } from '../openapi/describe';
import { body } from './ai-settings.routes';

export const aiSettingsDocs: RouteDoc[] = [
  { method: 'get', path: '/v1/settings/ai', tag: 'Settings', summary: "The workspace's AI provider (the key is never returned)" },
  { method: 'put', path: '/v1/settings/ai', tag: 'Settings', summary: 'Set or clear the AI provider', body },
];
