import { describe, expect, it } from 'vitest';
import { parseNumber } from './number';

describe('parseNumber', () => {
  it.each([
    ['10', 10],
    [' -3 ', -3],
    ['2.5', 2.5],
    ['2,5', 2.5],
    ['+7', 7],
  ])('when given %j, then it reads %d', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each(['', 'abc', '1e3', '1.000,50', '0x10', 'Infinity', '1.'])(
    'when given %j, then it is not a number',
    (input) => {
      expect(parseNumber(input)).toBeNull();
    },
  );
});
