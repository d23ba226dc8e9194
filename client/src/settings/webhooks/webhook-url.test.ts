import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { isRefusedAddress, webhookUrlProblem } from './webhook-url';

describe('webhookUrlProblem', () => {
  it('asks for the full address when https:// is missing or the scheme is not http(s)', () => {
    expect(webhookUrlProblem('minha-loja.com/hook')).toBe('settings.webhooks.urlIncomplete');
    expect(webhookUrlProblem('ftp://minha-loja.com/hook')).toBe('settings.webhooks.urlIncomplete');
    expect(webhookUrlProblem('https://user:senha@minha-loja.com/hook')).toBe('settings.webhooks.urlCredentials');
  });

  it('accepts absolute http and https addresses', () => {
    expect(webhookUrlProblem(' https://minha-loja.com/hook ')).toBeNull();
    expect(webhookUrlProblem('http://192.168.0.10:8080/hook')).toBeNull();
  });
});

describe('isRefusedAddress', () => {
  it('is the server refusing the url field, and nothing else', () => {
    expect(isRefusedAddress(new ApiError(400, 'validation_failed', 'The address is not allowed: 10.0.0.5 is on a private network', { field: 'url' }))).toBe(true);
    expect(isRefusedAddress(new ApiError(400, 'validation_failed', 'The request is not valid', { issues: [{ path: ['body', 'url'], message: 'Invalid URL' }] }))).toBe(true);
    expect(isRefusedAddress(new ApiError(400, 'validation_failed', 'The request is not valid', { issues: [{ path: ['events'], message: 'Too small' }] }))).toBe(false);
    expect(isRefusedAddress(new ApiError(503, 'unavailable', 'x'))).toBe(false);
    // The server names the reason: only a blocked address is "a private network".
    expect(isRefusedAddress(new ApiError(400, 'validation_failed', 'x', { field: 'url', reason: 'blocked_address' }))).toBe(true);
    expect(isRefusedAddress(new ApiError(400, 'validation_failed', 'x', { field: 'url', reason: 'bad_url' }))).toBe(false);
  });
});
