import { describe, expect, it } from 'vitest';
import { documentTitle } from './document-title';

describe('documentTitle', () => {
  it('when a page is shown, then it comes before the product, with the waiting chats in front', () => {
    expect(documentTitle('Caixa de entrada')).toBe('Caixa de entrada · Zyntra');
    expect(documentTitle('Caixa de entrada', 3)).toBe('(3) Caixa de entrada · Zyntra');
    expect(documentTitle(null, 0)).toBe('Zyntra');
    expect(documentTitle(null, 2)).toBe('(2) Zyntra');
  });

  it('when more than 99 chats wait, then the count stays short', () => {
    expect(documentTitle('Inbox', 150)).toBe('(99+) Inbox · Zyntra');
  });
});
