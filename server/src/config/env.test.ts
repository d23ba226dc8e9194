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

  it('when OUTBOUND_ALLOW_HOSTS lists hosts, IPs and ranges, then they are kept; unset means none', () => {
    expect(parseConfig(valid).OUTBOUND_ALLOW_HOSTS).toEqual([]);
    expect(parseConfig({ ...valid, OUTBOUND_ALLOW_HOSTS: ' ollama , 192.168.0.10,10.0.0.0/8,, fd00::/8 ' }).OUTBOUND_ALLOW_HOSTS).toEqual(['ollama', '192.168.0.10', '10.0.0.0/8', 'fd00::/8']);
  });

  it('when an OUTBOUND_ALLOW_HOSTS entry is not a host, IP or range, then one line names it', () => {
    expect(() => parseConfig({ ...valid, OUTBOUND_ALLOW_HOSTS: 'ollama,http://evo:8080' })).toThrowError(
      'Invalid configuration: OUTBOUND_ALLOW_HOSTS has "http://evo:8080", which is not a host name, IP address or CIDR range',
    );
  });

  it('when MIGRATE_ON_START is unset, then processes migrate themselves; false leaves it to the migrations step', () => {
    expect(parseConfig(valid).MIGRATE_ON_START).toBe(true);
    expect(parseConfig({ ...valid, MIGRATE_ON_START: 'false' }).MIGRATE_ON_START).toBe(false);
    expect(() => parseConfig({ ...valid, MIGRATE_ON_START: 'later' })).toThrowError(/^Invalid configuration: MIGRATE_ON_START /);
  });

  it('when previous encryption keys are listed, then each is checked and they come as a list', () => {
    const a = Buffer.alloc(32, 1).toString('base64');
    const b = Buffer.alloc(32, 2).toString('base64');
    expect(parseConfig(valid).ENCRYPTION_KEYS_PREVIOUS).toEqual([]);
    expect(parseConfig({ ...valid, ENCRYPTION_KEYS_PREVIOUS: ` ${a}, ${b} ,` }).ENCRYPTION_KEYS_PREVIOUS).toEqual([a, b]);
    expect(() => parseConfig({ ...valid, ENCRYPTION_KEYS_PREVIOUS: `${a},short` })).toThrowError(
      /^Invalid configuration: ENCRYPTION_KEYS_PREVIOUS must be 32 bytes/,
    );
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
