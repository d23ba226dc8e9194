import { describe, expect, it } from 'vitest';
import { clockTime } from './clock-time';

describe('clock time', () => {
  it('when in English, then no leading zero; in Portuguese, two digits on 24 hours', () => {
    const at = '2026-12-02T09:05:07Z';
    expect(clockTime('en', at, { timeZone: 'UTC' })).toBe('9:05 AM');
    expect(clockTime('pt-BR', at, { timeZone: 'UTC' })).toBe('09:05');
    expect(clockTime('pt-BR', '2026-12-02T21:05:07Z', { timeZone: 'UTC', second: '2-digit' })).toBe('21:05:07');
    expect(clockTime('en', at, { timeZone: 'UTC', weekday: 'short' })).toBe('Wed 9:05 AM');
  });
});
