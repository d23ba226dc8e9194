import { z } from 'zod';
import type { RouteDoc } from '../openapi/describe';
import { body } from './ai-settings.routes';

/** ai-settings.routes.ts view: whose provider ai_reply steps use; the key itself is never returned. */
const aiSettings = z.object({
  source: z.enum(['workspace', 'server', 'none']).describe("workspace: its own provider; server: the server's LLM_* defaults; none: neither is set"),
  baseUrl: z.string().nullable(), model: z.string(),
  hasApiKey: z.boolean().describe("The workspace's provider has a key stored (false for the server's)"),
});

export const aiSettingsDocs: RouteDoc[] = [
  {
    method: 'get', path: '/v1/settings/ai/status', tag: 'Settings', summary: 'Whether AI reply steps have a provider to ask (for the flow editor; marketers and up)',
    response: z.object({ hasAiProvider: z.boolean().describe("The workspace's own provider or the server's is set up; GET /v1/flows/{id} says the same") }),
  },
  { method: 'get', path: '/v1/settings/ai', tag: 'Settings', summary: "The workspace's AI provider (the key is never returned)", response: aiSettings },
  { method: 'put', path: '/v1/settings/ai', tag: 'Settings', summary: "Set or clear the AI provider (`{baseUrl: null}` goes back to the server's)", body, response: aiSettings },
];
