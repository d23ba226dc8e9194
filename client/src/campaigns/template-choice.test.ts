import { describe, expect, it } from 'vitest';
import { approvedOf, bodyOf, componentsOf, languageCodes } from './template-choice';

const promo = {
  id: '1', name: 'promo', language: 'pt_BR', status: 'APPROVED',
  components: [{ type: 'HEADER', text: 'Oferta' }, { type: 'BODY', text: 'Olá {{1}}, pão quentinho às {{2}}.' }],
};

describe('the template a campaign sends', () => {
  it('when the channel has it approved, then its approved body is sent, whatever was typed', () => {
    const approved = approvedOf([promo], { name: 'promo', language: 'pt_BR', text: 'edited' });
    expect(approved).toBe(promo);
    expect(bodyOf(approved, { name: 'promo', language: 'pt_BR', text: 'edited' })).toBe('Olá {{1}}, pão quentinho às {{2}}.');
    expect(componentsOf(approved, 'x')).toEqual([{ type: 'HEADER', text: 'Oferta' }, { type: 'BODY', text: 'x' }]);
  });

  it('when it is typed by hand in another language, then it is not the approved one and the typed body is sent', () => {
    const typed = { name: 'promo', language: 'en_US', text: 'Hi {{1}}' };
    expect(approvedOf([promo], typed)).toBeUndefined();
    expect(bodyOf(undefined, typed)).toBe('Hi {{1}}');
    expect(componentsOf(undefined, 'Hi {{1}}')).toEqual([{ type: 'BODY', text: 'Hi {{1}}' }]);
  });

  it("when languages are offered, then the usual ones, the channel's and the current one come once each", () => {
    expect(languageCodes([promo, { ...promo, language: 'fr' }], 'de')).toEqual(['pt_BR', 'en_US', 'es', 'fr', 'de']);
  });
});
