// OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp). The model is asked for a
// structured answer {reply, handoff}, so "a human is needed" is the model's explicit judgement.
// The call goes through the outbound client (address checks, size and time caps, no redirects).
import type { AiFailureCause } from '@zyntra/flows-schema';
import { OutboundError, type Outbound, type OutboundErrorKind } from '../net';

export type LlmSettings = { baseUrl: string; apiKey: string | null; model: string };
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };
/** `cause` names the failure for the run log (ai_timeout…); `reason` is our own words, in English. */
export type LlmOutcome = { ok: true; text: string; handoff: boolean } | { ok: false; reason: string; cause?: AiFailureCause };

const HANDOFF_INSTRUCTIONS =
  'Answer as JSON {"reply": string, "handoff": boolean}. Set handoff to true only when the customer asks for a human ' +
  'or you cannot help; then reply may be empty.';

export function buildChatRequest(settings: LlmSettings, req: { systemPrompt: string; model: string; temperature: number; maxTokens: number }, history: ChatMessage[]) {
  return {
    model: req.model || settings.model,
    messages: [{ role: 'system', content: `${req.systemPrompt}\n\n${HANDOFF_INSTRUCTIONS}` }, ...history],
    temperature: req.temperature,
    max_tokens: req.maxTokens,
    stream: false,
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'reply_decision',
        strict: true,
        schema: {
          type: 'object',
          properties: { reply: { type: 'string' }, handoff: { type: 'boolean' } },
          required: ['reply', 'handoff'],
          additionalProperties: false,
        },
      },
    },
  };
}

/** Parses a completion defensively: anything but {reply, handoff} is an error, never a guess. */
export function parseCompletion(body: unknown): LlmOutcome {
  const content = (body as { choices?: Array<{ message?: { content?: unknown } }> })?.choices?.[0]?.message?.content;
  const badAnswer = (reason: string): LlmOutcome => ({ ok: false, reason, cause: 'bad_answer' });
  if (typeof content !== 'string' || content.trim() === '') return badAnswer('empty completion');
  try {
    const parsed = JSON.parse(content.trim().replace(/^```(?:json)?\s*|\s*```$/g, '')) as { reply?: unknown; handoff?: unknown };
    if (typeof parsed.reply !== 'string' || typeof parsed.handoff !== 'boolean') return badAnswer('completion is not {reply, handoff}');
    if (!parsed.handoff && parsed.reply.trim() === '') return badAnswer('empty reply');
    return { ok: true, text: parsed.reply, handoff: parsed.handoff };
  } catch {
    return badAnswer('completion is not JSON');
  }
}

/** An outbound refusal as a cause: an answer over the cap is no answer; a URL or key a request cannot carry is the settings'. */
const OUTBOUND_CAUSES: Record<OutboundErrorKind, AiFailureCause> = {
  timeout: 'timeout', network: 'network', blocked_address: 'blocked_address', redirect: 'redirect',
  too_large: 'bad_answer', bad_url: 'bad_settings', bad_request: 'bad_settings',
};

/** The status in our words: a provider's (or an internal service's) error body never reaches the run log. */
export function statusReason(status: number): string {
  if (status === 401 || status === 403) return `The AI provider refused the API key (HTTP ${status})`;
  if (status === 404) return `The AI provider has no such model or URL (HTTP ${status})`;
  if (status === 429) return `The AI provider is rate limiting (HTTP ${status})`;
  if (status >= 500) return `The AI provider failed (HTTP ${status})`;
  return `The AI provider refused the request (HTTP ${status})`;
}

/** A completion of at most 4096 tokens is a few tens of kB; anything past this is not an answer. */
const MAX_COMPLETION_BYTES = 1024 * 1024;

export async function callChatCompletion(
  http: Outbound,
  settings: LlmSettings,
  req: { systemPrompt: string; model: string; temperature: number; maxTokens: number; timeoutSeconds: number },
  history: ChatMessage[],
): Promise<LlmOutcome> {
  try {
    const res = await http({
      method: 'POST',
      url: `${settings.baseUrl.replace(/\/$/, '')}/chat/completions`,
      headers: { 'content-type': 'application/json', ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}) },
      body: JSON.stringify(buildChatRequest(settings, req, history)),
      timeoutMs: req.timeoutSeconds * 1000,
      maxResponseBytes: MAX_COMPLETION_BYTES,
    });
    return res.ok ? parseCompletion(res.json()) : { ok: false, reason: statusReason(res.status), cause: 'status' };
  } catch (err) {
    if (err instanceof OutboundError) return { ok: false, reason: `AI provider: ${err.message}`, cause: OUTBOUND_CAUSES[err.kind] };
    return { ok: false, reason: 'The AI provider call failed' };
  }
}
