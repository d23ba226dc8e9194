import { describe, expect, it } from 'vitest';
import { matchExcerpt } from './match-excerpt';

describe('the message a search found, in a list row', () => {
  it('when the term is near the start, then the message is shown whole, on one line', () => {
    expect(matchExcerpt('minha encomenda\nchegou quebrada', 'encomenda')).toEqual({ text: 'minha encomenda chegou quebrada', mark: 'encomenda' });
  });

  it('when the term is far in, then the message starts at a word a little before it', () => {
    const text = 'Bom dia, tudo bem? Queria saber uma coisa importante sobre a encomenda que fiz semana passada';
    expect(matchExcerpt(text, 'ENCOMENDA')).toEqual({ text: '…importante sobre a encomenda que fiz semana passada', mark: 'encomenda' });
  });

  it('when the term is typed without accents, then it is found in the accented words, and those are the ones marked', () => {
    expect(matchExcerpt('Olá, boa tarde! Eu gostaria muito de perguntar: o tênis azul número 40 ainda tem?', 'tenis azul numero'))
      .toEqual({ text: '…de perguntar: o tênis azul número 40 ainda tem?', mark: 'tênis azul número' });
    expect(matchExcerpt('NÃO chegou', 'nao').mark).toBe('NÃO');
    // Far enough in to fall past a phone's ellipsis: the row starts a few words before it.
    expect(matchExcerpt('A caixa do meu pedido veio amassada, o que eu faço?', 'o que eu faco'))
      .toEqual({ text: '…veio amassada, o que eu faço?', mark: 'o que eu faço' });
  });

  it('when the message is written with combining accents, then it is read as composed and still marked', () => {
    expect(matchExcerpt('não chegou'.normalize('NFD'), 'nao').mark).toBe('não');
  });
});
