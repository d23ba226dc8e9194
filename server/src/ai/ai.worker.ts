// Calls the model for an ai_reply node and feeds the answer back as an inbound event. The engine
// never awaits the model: it parked the session with a token and resumes on llm_result/llm_failed.
import { NO_AI_PROVIDER } from '@zyntra/flows-schema';
import type { Knex } from 'knex';
import type { Config } from '../config/env';
import { forTenant } from '../db/tenant-db';
import type { Outbound } from '../net';
import type { AiJob } from '../queues/queue-names';
import { effectAnswered, insertInternalEvent } from '../messages/internal-events';
import type { Sealer } from '../security/seal';
import { resolveAiProvider, serverAiDefaults } from './ai-provider';
import { callChatCompletion, type ChatMessage, type LlmSettings } from './llm-client';

/**
 * `workspace` calls a URL a tenant chose, under the address checks; `server` calls only the
 * operator's LLM_BASE_URL, whose origin is trusted (an Ollama beside the server needs no allow-list
 * entry, and no tenant URL gains that trust).
 */
export type AiDeps = {
  db: Knex;
  sealer: Sealer;
  config: Pick<Config, 'LLM_BASE_URL' | 'LLM_API_KEY' | 'LLM_MODEL'>;
  http: { workspace: Outbound; server: Outbound };
};

async function settingsFor(deps: AiDeps, tenantId: string): Promise<{ settings: LlmSettings; http: Outbound } | null> {
  const provider = await resolveAiProvider(deps.db, tenantId, serverAiDefaults(deps.config));
  if (provider.source === 'none') return null;
  const { baseUrl, model } = provider;
  return provider.source === 'workspace'
    ? { settings: { baseUrl, model, apiKey: provider.apiKeyEnc ? deps.sealer.open(provider.apiKeyEnc) : null }, http: deps.http.workspace }
    : { settings: { baseUrl, model, apiKey: provider.apiKey }, http: deps.http.server };
}

async function historyOf(deps: AiDeps, job: AiJob): Promise<ChatMessage[]> {
  const rows: Array<{ direction: string; text: string | null }> = await forTenant(deps.db, job.tenantId)
    .from('messages')
    .where({ conversation_id: job.conversationId })
    .whereNot('status', 'failed')
    .whereNot('type', 'note') // internal notes are not part of the conversation with the customer
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .limit(job.request.historyWindow)
    .select('direction', 'text');
  return rows
    .reverse()
    .filter((r) => r.text)
    .map((r) => ({ role: r.direction === 'in' ? 'user' : 'assistant', content: r.text! }));
}

/** Returns true when a new event was stored (the caller enqueues the conversation's drain). */
export async function processAiJob(deps: AiDeps, job: AiJob): Promise<boolean> {
  if (await effectAnswered(deps.db, job)) return false;
  const provider = await settingsFor(deps, job.tenantId);
  const outcome = provider
    ? await callChatCompletion(provider.http, provider.settings, job.request, await historyOf(deps, job))
    : ({ ok: false, reason: NO_AI_PROVIDER, cause: 'no_provider' } as const);
  const base = { tenantId: job.tenantId, channelId: job.channelId, conversationKey: job.conversationKey, conversationId: job.conversationId, token: job.token };
  return outcome.ok
    ? insertInternalEvent(deps.db, { ...base, kind: 'llm_result', event: { type: 'llm_result', token: job.token, text: outcome.text, handoff: outcome.handoff } })
    : insertInternalEvent(deps.db, {
      ...base, kind: 'llm_failed', event: { type: 'llm_failed', token: job.token, reason: outcome.reason, ...(outcome.cause ? { cause: outcome.cause } : {}) },
    });
}
