import { describe, expect, it } from 'vitest';
import { classifyEvolutionMediaError } from './evolution.media';

const envelope = (status: number, error: string, message: unknown) => ({ status, error, response: { message } });

describe('classifyEvolutionMediaError', () => {
  const cases: Array<[string, number, unknown, { kind: string; code: string; message: string }]> = [
    ['when Evolution keeps no such message, then it is permanent and says which setting keeps them', 400, envelope(400, 'Bad Request', ['Message not found']),
      { kind: 'permanent', code: 'message_not_found', message: expect.stringContaining('DATABASE_SAVE_DATA_NEW_MESSAGE') }],
    ['when Evolution could not get the file from WhatsApp, then it is permanent, in our words', 400, envelope(400, 'Bad Request', ['Error: Failed to fetch stream from https://mmg.whatsapp.net/secret']),
      { kind: 'permanent', code: 'http_400', message: 'Evolution API could not download the media from WhatsApp (HTTP 400)' }],
    ['when the apikey is refused, then it is permanent', 401, envelope(401, 'Unauthorized', 'Unauthorized'),
      { kind: 'permanent', code: 'unauthorized', message: "Evolution API refused the channel's API key (HTTP 401)" }],
    ['when the instance is gone, then it is permanent', 404, envelope(404, 'Not Found', ['The "loja1" instance does not exist']),
      { kind: 'permanent', code: 'not_found', message: 'Evolution API instance or route not found (HTTP 404)' }],
    ['when Evolution rate limits, then it is retried', 429, {}, { kind: 'retry', code: 'http_429', message: 'Evolution API failed to give the media (HTTP 429)' }],
    ['when Evolution or its proxy fails, then it is retried', 502, 'Bad Gateway', { kind: 'retry', code: 'http_502', message: 'Evolution API failed to give the media (HTTP 502)' }],
  ];
  it.each(cases)('%s', (_name, status, body, expected) => {
    const err = classifyEvolutionMediaError(status, body);
    expect({ kind: err.kind, code: err.code, message: err.message }).toEqual(expected);
  });
});
