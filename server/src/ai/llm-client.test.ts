import { describe, expect, it } from 'vitest';
import { buildChatRequest, parseCompletion, statusReason } from './llm-client';

const completion = (content: unknown) => ({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });

describe('parseCompletion', () => {
  it.each([
    ['a structured answer', completion('{"reply":"Olá!","handoff":false}'), { ok: true, text: 'Olá!', handoff: false }],
    ['a handoff with an empty reply', completion('{"reply":"","handoff":true}'), { ok: true, text: '', handoff: true }],
    ['JSON in a code fence', completion('```json\n{"reply":"Oi","handoff":false}\n```'), { ok: true, text: 'Oi', handoff: false }],
    ['free text (a server that ignored the schema)', completion('Claro, posso ajudar'), { ok: false, reason: 'completion is not JSON', cause: 'bad_answer' }],
    ['JSON of another shape', completion('{"answer":"x"}'), { ok: false, reason: 'completion is not {reply, handoff}', cause: 'bad_answer' }],
    ['an empty reply without handoff', completion('{"reply":"  ","handoff":false}'), { ok: false, reason: 'empty reply', cause: 'bad_answer' }],
    ['null content (a refusal)', completion(null), { ok: false, reason: 'empty completion', cause: 'bad_answer' }],
    ['no choices at all', {}, { ok: false, reason: 'empty completion', cause: 'bad_answer' }],
  ])('when the model returns %s, then it is read defensively', (_label, body, expected) => {
    expect(parseCompletion(body)).toEqual(expected);
  });
});

describe('buildChatRequest', () => {
  it('when a node has no model, then the provider default is used and handoff is asked for explicitly', () => {
    const req = buildChatRequest({ baseUrl: 'http://x/v1', apiKey: null, model: 'llama3' }, { systemPrompt: 'Loja', model: '', temperature: 0.2, maxTokens: 100 }, [
      { role: 'user', content: 'oi' },
    ]);
    expect(req.model).toBe('llama3');
    expect(req.messages[0]!.role).toBe('system');
    expect(req.messages[0]!.content).toContain('handoff');
    expect(req.messages.at(-1)).toEqual({ role: 'user', content: 'oi' });
    expect(req).toMatchObject({ temperature: 0.2, max_tokens: 100, stream: false, response_format: { type: 'json_schema' } });
  });
});

describe('statusReason', () => {
  it.each([
    [401, 'The AI provider refused the API key (HTTP 401)'],
    [404, 'The AI provider has no such model or URL (HTTP 404)'],
    [429, 'The AI provider is rate limiting (HTTP 429)'],
    [503, 'The AI provider failed (HTTP 503)'],
    [422, 'The AI provider refused the request (HTTP 422)'],
  ])('when the provider answers %i, then the reason is the status in our words', (status, reason) => {
    expect(statusReason(status)).toBe(reason);
  });
});
