// OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp). The model is asked for a
// structured answer {reply, handoff}, so "a human is needed" is the model's explicit judgement.
export type LlmSettings = { baseUrl: string; apiKey: string | null; model: string };
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };
export type LlmOutcome = { ok: true; text: string; handoff: boolean } | { ok: false; reason: string };

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
  if (typeof content !== 'string' || content.trim() === '') return { ok: false, reason: 'empty completion' };
  try {
    const parsed = JSON.parse(content.trim().replace(/^```(?:json)?\s*|\s*```$/g, '')) as { reply?: unknown; handoff?: unknown };
    if (typeof parsed.reply !== 'string' || typeof parsed.handoff !== 'boolean') return { ok: false, reason: 'completion is not {reply, handoff}' };
    if (!parsed.handoff && parsed.reply.trim() === '') return { ok: false, reason: 'empty reply' };
    return { ok: true, text: parsed.reply, handoff: parsed.handoff };
  } catch {
    return { ok: false, reason: 'completion is not JSON' };
  }
}

function errorMessage(body: unknown, status: number): string {
  const b = body as { error?: { message?: string } | string; message?: string };
  const msg = typeof b?.error === 'object' ? b.error?.message : typeof b?.error === 'string' ? b.error : b?.message;
  return `HTTP ${status}: ${msg ?? 'provider error'}`;
}

export async function callChatCompletion(
  settings: LlmSettings,
  req: { systemPrompt: string; model: string; temperature: number; maxTokens: number; timeoutSeconds: number },
  history: ChatMessage[],
): Promise<LlmOutcome> {
  const url = `${settings.baseUrl.replace(/\/$/, '')}/chat/completions`;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}) },
      body: JSON.stringify(buildChatRequest(settings, req, history)),
      signal: AbortSignal.timeout(req.timeoutSeconds * 1000),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) return { ok: false, reason: errorMessage(body, res.status) };
    return parseCompletion(body);
  } catch (err) {
    const e = err as Error;
    return { ok: false, reason: e.name === 'TimeoutError' ? `timed out after ${req.timeoutSeconds} s` : `unreachable: ${e.message}` };
  }
}
