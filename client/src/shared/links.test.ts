import { describe, expect, it } from 'vitest';
import { splitLinks } from './links';

describe('splitLinks', () => {
  it('when a message names a site, then the site is a link over https and the words around it stay text', () => {
    expect(splitLinks('Veja loja.com.br/promo, ok?')).toEqual([
      { text: 'Veja ' },
      { text: 'loja.com.br/promo', href: 'https://loja.com.br/promo' },
      { text: ', ok?' },
    ]);
  });

  it('when it holds an address with its scheme and an e-mail, then both are links as written', () => {
    expect(splitLinks('https://a.com/x?y=1 ou ana@x.com.br')).toEqual([
      { text: 'https://a.com/x?y=1', href: 'https://a.com/x?y=1' },
      { text: ' ou ' },
      { text: 'ana@x.com.br', href: 'mailto:ana@x.com.br' },
    ]);
  });

  it('when it holds prices, decimals or another scheme, then nothing becomes a link', () => {
    for (const text of ['R$ 10.50 e 3.5kg', 'oi.tudo bem', 'ftp://x.com/f', 'javascript:alert(1)']) {
      expect(splitLinks(text)).toEqual([{ text }]);
    }
  });

  it('when the text is empty, then it is one empty part', () => {
    expect(splitLinks('')).toEqual([{ text: '' }]);
  });
});
