import { describe, expect, it } from 'vitest';
import { acceptsAnswer, parseLocaleNumber } from './answers';

describe('parseLocaleNumber', () => {
  it.each([
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['1.234,56', 1234.56],
    ['1.234.567', 1234567],
    [' -7 ', -7],
    ['1.234', 1.234],
  ])('when given %j, then it reads %d', (text, expected) => {
    expect(parseLocaleNumber(text)).toBe(expected);
  });

  it.each(['', 'abc', '1e3', '12,5,0', '1,234.56', '12.'])('when given %j, then it is not a number', (text) => {
    expect(parseLocaleNumber(text)).toBeNull();
  });
});

describe('acceptsAnswer', () => {
  it.each([
    ['any', '', true],
    ['any', 'whatever', true],
    ['text', 'oi', true],
    ['text', '   ', false],
    ['number', '1.234,56', true],
    ['number', '12,5', true],
    ['number', 'doze', false],
    ['email', 'ana@example.com', true],
    ['email', ' ana@mail.com.br ', true],
    ['email', 'ana@example', false],
    ['email', 'ana example@x.com', false],
    ['phone', '+55 (11) 98765-4321', true],
    ['phone', '1234-5678', true],
    ['phone', '1234567', false],
    ['phone', '1234567890123456', false],
    ['phone', '11 9876a4321', false],
    ['option', 'Cartão', true],
    ['option', 'cartao', true],
    ['option', 'boleto', false],
    ['option', '', false],
  ] as const)('when expecting %s and the reply is %j, then it is accepted: %s', (expect_, text, accepted) => {
    expect(acceptsAnswer(expect_, text, ['Cartão', 'Pix'])).toBe(accepted);
  });
});
