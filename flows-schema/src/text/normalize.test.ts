import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize';

describe('normalizeText', () => {
  it.each([
    ['Olá', 'ola'],
    ['ATENÇÃO', 'atencao'],
    ['  Bom   dia\n', 'bom dia'],
    ['Pão de Açúcar', 'pao de acucar'],
    ['ﬁm', 'fim'],
  ])('when given %j, then it returns %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('when a keyword and a reply differ only by accents and case, then they normalize equal', () => {
    expect(normalizeText('Olá')).toBe(normalizeText('ola'));
    expect(normalizeText('Sair do Bot')).toBe(normalizeText('sair do bot'));
  });

  it('when the text has emoji or digits, then they are kept', () => {
    expect(normalizeText('Pedido 42 👍')).toBe('pedido 42 👍');
  });

  it('when normalized twice, then the result does not change', () => {
    const once = normalizeText('  Ação  Éxito ');
    expect(normalizeText(once)).toBe(once);
  });
});
