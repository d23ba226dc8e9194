// GET/PUT /v1/settings/ai: a workspace's own OpenAI-compatible provider (OpenAI, Ollama, vLLM…)
// for ai_reply nodes; without one, the server's LLM_* defaults apply. The key is never returned; a
// change is audited, and an address on a private network is refused when saved (ai-settings.service.ts).
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { authOf } from '../http/auth';
import { parse } from '../http/validate';
import { hasAiProvider, resolveAiProvider, type ServerAiDefaults } from './ai-provider';
import { saveAiSettings, type AiSettingsDeps } from './ai-settings.service';
import { allow } from '../http/access';
import { outboundUrlField } from '../net';

export const body = z.union([
  z.object({ baseUrl: outboundUrlField, model: z.string().trim().max(200).optional(), apiKey: z.string().max(1024).optional() }),
  z.object({ baseUrl: z.null() }),
]);

export function aiSettingsRoutes(deps: AiSettingsDeps & { defaults: ServerAiDefaults }, requireAuth: RequestHandler): Router {
  const r = Router();
  const view = async (tenantId: string) => {
    const provider = await resolveAiProvider(deps.db, tenantId, deps.defaults);
    const { source, model } = provider;
    if (source === 'workspace') return { source, baseUrl: provider.baseUrl, model, hasApiKey: Boolean(provider.apiKeyEnc) };
    return { source, baseUrl: source === 'server' ? provider.baseUrl : null, model, hasApiKey: false };
  };
  // The builder's no-provider warning, for whoever may edit flows (a marketer cannot read the settings);
  // asked again when the builder's window has the focus back, so a provider just set up clears it.
  r.get('/v1/settings/ai/status', requireAuth, allow('marketing'), async (req, res) => {
    res.json({ hasAiProvider: await hasAiProvider(deps.db, authOf(req).tenantId, deps.defaults) });
  });
  r.get('/v1/settings/ai', requireAuth, allow('admin'), async (req, res) => {
    res.json(await view(authOf(req).tenantId));
  });
  r.put('/v1/settings/ai', requireAuth, allow('admin'), async (req, res) => {
    const auth = authOf(req);
    await saveAiSettings(deps, auth, parse(body, req.body));
    res.json(await view(auth.tenantId));
  });
  return r;
}
