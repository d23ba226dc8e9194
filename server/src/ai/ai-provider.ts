// Which AI provider a workspace's ai_reply steps ask: its own (Settings → AI replies), else the
// server's LLM_BASE_URL, else none. The AI worker calls it, the settings page shows it, and the
// builder warns on none: one answer for all three.
import type { Knex } from 'knex';
import type { Config } from '../config/env';
import { readLlmSettings } from './ai-settings.queries';

/** The operator's LLM_* settings, the provider of a workspace without its own; `apiKey` only where the call is made. */
export type ServerAiDefaults = { baseUrl: string | null; model: string; apiKey?: string | null };

/** `workspace`'s key stays sealed: only the worker opens it. `model` is the default for a step that names none. */
export type AiProvider =
  | { source: 'workspace'; baseUrl: string; model: string; apiKeyEnc: string | null }
  | { source: 'server'; baseUrl: string; model: string; apiKey: string | null }
  | { source: 'none'; model: string };

export const serverAiDefaults = (config: Pick<Config, 'LLM_BASE_URL' | 'LLM_API_KEY' | 'LLM_MODEL'>): ServerAiDefaults => ({
  baseUrl: config.LLM_BASE_URL ?? null,
  model: config.LLM_MODEL,
  apiKey: config.LLM_API_KEY ?? null,
});

export async function resolveAiProvider(db: Knex, tenantId: string, defaults: ServerAiDefaults): Promise<AiProvider> {
  const own = await readLlmSettings(db, tenantId);
  if (own) return { source: 'workspace', baseUrl: own.baseUrl, model: own.model ?? defaults.model, apiKeyEnc: own.apiKeyEnc };
  if (defaults.baseUrl) return { source: 'server', baseUrl: defaults.baseUrl, model: defaults.model, apiKey: defaults.apiKey ?? null };
  return { source: 'none', model: defaults.model };
}

/** Whether ai_reply steps have a provider to ask, for the builder's warning. */
export const hasAiProvider = async (db: Knex, tenantId: string, defaults: ServerAiDefaults): Promise<boolean> =>
  (await resolveAiProvider(db, tenantId, defaults)).source !== 'none';
