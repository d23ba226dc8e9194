import { describe, expect, it } from 'vitest';
import { classifyEvolutionError } from './evolution.client';

const envelope = (status: number, error: string, message: unknown) => ({ status, error, response: { message } });

describe('classifyEvolutionError', () => {
  const cases: Array<[string, number, unknown, unknown]> = [
    ['when the number is not on WhatsApp, then it is permanent and names the number', 400,
      envelope(400, 'Bad Request', [{ jid: '5511900000000@s.whatsapp.net', exists: false, number: '5511900000000' }]),
      { kind: 'permanent', code: 'not_on_whatsapp', reason: 'The number 5511900000000 is not on WhatsApp' }],
    ['when the body is rejected, then it is permanent, in our words with the status', 400, envelope(400, 'Bad Request', ['instance requires property "text"']),
      { kind: 'permanent', code: 'bad_request', reason: 'Evolution API refused the message (HTTP 400)' }],
    ['when the apikey is wrong, then it is permanent and says so', 401, envelope(401, 'Unauthorized', 'Unauthorized'),
      { kind: 'permanent', code: 'unauthorized', reason: expect.stringContaining('API key') }],
    ['when the instance does not exist, then it is permanent', 404, envelope(404, 'Not Found', ['The "loja1" instance does not exist']),
      { kind: 'permanent', code: 'not_found', reason: 'Evolution API instance or route not found (HTTP 404)' }],
    ['when Evolution rate limits, then it is rate_limited', 429, {}, { kind: 'rate_limited', code: 'rate_limited', reason: expect.any(String) }],
    ['when Evolution fails inside, then it is retried', 500, envelope(500, 'Internal Server Error', 'Connection Closed'),
      { kind: 'retry', code: 'http_500', reason: 'Evolution API failed (HTTP 500)' }],
    ['when a proxy answers 502 with no envelope, then it is retried', 502, 'Bad Gateway', { kind: 'retry', code: 'http_502', reason: 'Evolution API failed (HTTP 502)' }],
    ['when there was no answer at all, then it is retried', 0, null, { kind: 'retry', code: 'network', reason: 'Evolution API did not answer' }],
    ['when the server is not Evolution and says anything, then none of its text is passed on', 403, { error: 'Forbidden', response: { message: ['secret internal detail'] } },
      { kind: 'permanent', code: 'unauthorized', reason: "Evolution API refused the channel's API key (HTTP 403)" }],
  ];
  it.each(cases)('%s', (_name, status, body, expected) => {
    expect(classifyEvolutionError(status, body, '5511900000000')).toEqual(expected);
  });
});
