import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['+55 11 98888-7777', '+5511988887777'],
    ['(11) 98888-7777', '+5511988887777'],
    ['11988887777', '+5511988887777'],
    ['5511988887777', '+5511988887777'],
    ['0055 11 98888 7777', '+5511988887777'],
    ['(11) 3333-4444', '+551133334444'],
    ['+1 415 555 2671', '+14155552671'],
  ])('when written as %s, then it is %s', (raw, e164) => {
    expect(normalizePhone(raw, 'BR')).toBe(e164);
  });

  it('when a Brazilian mobile lacks its ninth digit, then it is the same number as with it', () => {
    expect(normalizePhone('551188887777', 'BR', { international: true })).toBe('+5511988887777');
    expect(normalizePhone('(11) 8888-7777', 'BR')).toBe('+5511988887777');
    expect(normalizePhone('+55 21 8765 4321', 'BR')).toBe('+5521987654321');
  });

  it('when a Brazilian landline has 8 digits, then no ninth digit is added', () => {
    expect(normalizePhone('+55 11 3333 4444', 'BR')).toBe('+551133334444');
  });

  it('when the default country differs, then local numbers take it', () => {
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
  });

  it.each(['', 'abc', '123', '+55 11', '1'.repeat(41), '11 98888-7777 ramal 2'])('when the input is %j, then it is refused', (raw) => {
    expect(normalizePhone(raw, 'BR')).toBeNull();
  });
});
