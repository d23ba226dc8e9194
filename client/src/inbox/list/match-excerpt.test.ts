import { describe, expect, it } from 'vitest';
import { matchExcerpt } from './match-excerpt';

describe('the message a search found, in a list row', () => {
  it('when the term is near the start, then the message is shown whole, on one line', () => {
    expect(matchExcerpt('minha encomenda\nchegou quebrada', 'encomenda')).toBe('minha encomenda chegou quebrada');
  });

  it('when the term is far in, then the message starts at a word a little before it', () => {
    const text = 'Bom dia, tudo bem? Queria saber uma coisa importante sobre a encomenda que fiz semana passada';
    expect(matchExcerpt(text, 'ENCOMENDA')).toBe('…importante sobre a encomenda que fiz semana passada');
  });

  it('when the term is typed without accents, then it is found in the accented words', () => {
    expect(matchExcerpt('Olá, boa tarde! Eu gostaria muito de perguntar: o tênis azul número 40 ainda tem?', 'tenis')).toBe('…muito de perguntar: o tênis azul número 40 ainda tem?');
  });
});
