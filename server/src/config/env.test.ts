import { describe, expect, it } from 'vitest';
import { parseConfig } from './env';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
};

describe('parseConfig', () => {
  it('when the environment is complete, then defaults fill the rest', () => {
    const c = parseConfig(valid);
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.ROLE).toBe('all');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('when DATABASE_URL is malformed, then one line names it', () => {
    expect(() => parseConfig({ ...valid, DATABASE_URL: 'not a url' })).toThrowError(/^Invalid configuration: DATABASE_URL [^\n]+$/);
    expect(() => parseConfig({ ...valid, DATABASE_URL: 'mysql://x@y/z' })).toThrowError(/DATABASE_URL must start with postgres/);
  });

  it('when a required variable is missing, then it says it is required', () => {
    const { JWT_SECRET: _omit, ...rest } = valid;
    expect(() => parseConfig(rest)).toThrowError('Invalid configuration: JWT_SECRET is required');
  });

  it('when ROLE or PORT are wrong, then the message names them', () => {
    expect(() => parseConfig({ ...valid, ROLE: 'boss' })).toThrowError(/ROLE/);
    expect(() => parseConfig({ ...valid, PORT: '99999' })).toThrowError(/PORT/);
  });

  it('when rate limits and TRUST_PROXY are set, then budgets are numbers and a hop count is a number', () => {
    const c = parseConfig({ ...valid, RATE_LIMIT_API_PER_WORKSPACE: '500', TRUST_PROXY: '1' });
    expect(c.RATE_LIMIT_API_PER_WORKSPACE).toBe(500);
    expect(c.RATE_LIMIT_SIGNUP_PER_IP).toBe(10);
    expect(c.TRUST_PROXY).toBe(1);
    expect(parseConfig(valid).TRUST_PROXY).toBe('loopback');
    expect(() => parseConfig({ ...valid, RATE_LIMIT_LOGIN_PER_IP: '0' })).toThrowError(/RATE_LIMIT_LOGIN_PER_IP/);
  });
});
