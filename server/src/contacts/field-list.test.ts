import { describe, expect, it } from 'vitest';
import { fieldList } from './field-list';

const welcome = { id: 'f1', name: 'Boas-vindas' };
const promo = { id: 'f2', name: 'Promoção' };

describe('the contact fields list', () => {
  it('when contacts hold two spellings of a name, then it is one field under the recorded spelling, counting both', () => {
    expect(fieldList([{ key: 'cidade', contacts: 3 }, { key: 'Plano', contacts: 2 }, { key: 'CIDADE', contacts: 1 }], ['Cidade', 'Plano'], []))
      .toEqual([{ key: 'Cidade', contacts: 4, flows: [] }, { key: 'Plano', contacts: 2, flows: [] }]);
  });

  it('when a name is recorded but no contact holds it, then it is listed with 0; a held name never recorded is listed as held', () => {
    expect(fieldList([{ key: 'legado', contacts: 1 }], ['cidadee'], []))
      .toEqual([{ key: 'legado', contacts: 1, flows: [] }, { key: 'cidadee', contacts: 0, flows: [] }]);
  });

  it('when flows use a field in any letter case, then each such flow is listed with it', () => {
    const uses = [{ flow: welcome, fields: new Set(['cidade']) }, { flow: promo, fields: new Set(['cidade', 'plano']) }];
    expect(fieldList([{ key: 'Cidade', contacts: 1 }, { key: 'Plano', contacts: 1 }], ['Cidade', 'Plano'], uses))
      .toEqual([{ key: 'Cidade', contacts: 1, flows: [welcome, promo] }, { key: 'Plano', contacts: 1, flows: [promo] }]);
  });
});
