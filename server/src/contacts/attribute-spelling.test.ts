import { describe, expect, it } from 'vitest';
import { otherSpellings, respell, spellingOf } from './attribute-spelling';

const spellings = new Map([['cidade', 'Cidade'], ['série', 'Série']]);

describe('attribute names whatever their letter case', () => {
  it('when a name differs from the workspace\'s only in case, then it takes the workspace\'s spelling; an unknown name stays as written', () => {
    expect(respell({ cidade: 'Recife', CIDADE_NATAL: 'Olinda', SÉRIE: '3', Serie: '4' }, spellings))
      .toEqual({ Cidade: 'Recife', CIDADE_NATAL: 'Olinda', Série: '3', Serie: '4' });
    expect(spellingOf('CIDADE', spellings)).toBe('Cidade');
  });

  it('when two spellings of one name come together, then they are one attribute with the later value', () => {
    expect(respell({ Cidade: 'Recife', cidade: 'Natal' }, spellings)).toEqual({ Cidade: 'Natal' });
    expect(respell({ cidade: null, CIDADE: null }, spellings)).toEqual({ Cidade: null });
  });

  it('when one spelling is removed and another set in the same edit (a name retyped in the drawer), then the value stays', () => {
    expect(respell({ cidade: 'Recife', Cidade: null }, spellings)).toEqual({ Cidade: 'Recife' });
    expect(respell({ Cidade: null, cidade: 'Recife' }, spellings)).toEqual({ Cidade: 'Recife' });
  });

  it('when a contact holds other spellings of a name written, then those keys are named to go, and no other', () => {
    expect(otherSpellings({ cidade: 'Recife', CIDADE: 'Natal', Cidade: 'x', Serie: '1', bairro: 'Boa Viagem' }, ['Cidade', 'Série']))
      .toEqual(['cidade', 'CIDADE']);
  });
});
