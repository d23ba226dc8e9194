import { describe, expect, it } from 'vitest';
import { IDENTIFIER_PATTERN } from '../interpolation/parse-template';
import { attributeNameFromColumn, attributeNameKey, attributeNameProblem, contactAttributeOf, isAttributeName, valueAnyCase } from './attribute-name';

describe('attribute names', () => {
  it('when a name has letters of any script, digits and _ . -, then it is an attribute name', () => {
    for (const name of ['cidade', 'aniversário', 'Região', 'data_de_nascimento', 'e-mail', 'pedido.ultimo', '2via', 'x'.repeat(64)]) {
      expect(isAttributeName(name)).toBe(true);
    }
  });

  it('when a name has a space or other characters, is empty, too long or reserved, then the problem is named', () => {
    expect(attributeNameProblem('data de nascimento')).toBe('characters');
    expect(attributeNameProblem('valor (R$)')).toBe('characters');
    expect(attributeNameProblem('')).toBe('empty');
    expect(attributeNameProblem('x'.repeat(65))).toBe('too_long');
    expect(attributeNameProblem('é'.repeat(64))).toBeNull();
    expect(attributeNameProblem('Constructor')).toBe('reserved');
    expect(attributeNameProblem('__proto__')).toBe('reserved');
  });

  it('when a name has a letter, then a {{placeholder}} can read it, as {{name}} or {{contact.name}}', () => {
    for (const name of ['aniversário', 'Data_de_nascimento', 'e-mail']) {
      expect(isAttributeName(name) && IDENTIFIER_PATTERN.test(name) && IDENTIFIER_PATTERN.test(`contact.${name}`)).toBe(true);
    }
  });
});

describe('attributeNameFromColumn', () => {
  it.each([
    ['Data de nascimento', 'Data_de_nascimento'],
    ['  Observação  ', 'Observação'],
    ['Valor (R$)', 'Valor_R'],
    ['Endereço / Bairro', 'Endereço_Bairro'],
    ['Cidade', 'Cidade'],
    ['_id', '_id'],
    ['???', ''],
    ['', ''],
  ])('when the column is "%s", then the attribute is "%s"', (column, name) => {
    expect(attributeNameFromColumn(column)).toBe(name);
  });

  it('when the column is written with decomposed accents or is long, then the name is composed and cut to 64', () => {
    expect(attributeNameFromColumn('Observac\u0327a\u0303o')).toBe('Observação');
    expect(attributeNameFromColumn('a '.repeat(40))).toBe('a_'.repeat(31) + 'a');
    expect(isAttributeName(attributeNameFromColumn('é '.repeat(40)))).toBe(true);
  });
});

describe('attributeNameKey', () => {
  it('when names differ in letter case only, then they share a key; accents keep names apart', () => {
    expect(new Set(['Cidade', 'cidade', 'CIDADE'].map(attributeNameKey))).toEqual(new Set(['cidade']));
    expect(attributeNameKey('SÉRIE')).toBe(attributeNameKey('série'));
    expect(attributeNameKey('Série')).not.toBe(attributeNameKey('Serie'));
    // A decomposed é (as some Macs write a file name) is the same letter.
    expect(attributeNameKey('Se\u0301rie')).toBe(attributeNameKey('Série'));
  });

  it('when a flow names contact.<attribute>, then the attribute is read; the contact\'s own fields and other names are not attributes', () => {
    expect(contactAttributeOf('contact.cidade')).toBe('cidade');
    expect(contactAttributeOf('contact.Data_de_nascimento')).toBe('Data_de_nascimento');
    for (const field of ['contact.name', 'contact.PHONE', 'contact.Tags', 'contact.', 'contact.a b', 'contact.constructor', 'cidade', 'Contact.cidade']) {
      expect(contactAttributeOf(field)).toBeNull();
    }
  });

  it('when a value is read any case, then its own spelling wins, then another case; no prototype member is read', () => {
    expect(valueAnyCase({ Cidade: 'Recife' }, 'CIDADE')).toBe('Recife');
    expect(valueAnyCase({ cidade: 'Natal', Cidade: 'Recife' }, 'Cidade')).toBe('Recife');
    expect(valueAnyCase({ Série: '3' }, 'Serie')).toBeUndefined();
    expect(valueAnyCase({}, 'toString')).toBeUndefined();
  });
});
