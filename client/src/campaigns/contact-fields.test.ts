import { describe, expect, it } from 'vitest';
import { contactVars, interpolate } from '@zyntra/flows-schema';
import { contactFields, placeholderOf } from './contact-fields';

describe('contact fields for a template variable', () => {
  it('when the name is picked, then the placeholder names a word for a contact without a name', () => {
    const placeholder = placeholderOf({ kind: 'name' }, 'cliente');
    expect(placeholder).toBe('{{contact.name | "cliente"}}');
    expect(interpolate(placeholder, contactVars({ name: null, phone: '5581990000001' }))).toBe('cliente');
    expect(interpolate(placeholder, contactVars({ name: 'Ana', phone: '5581990000001' }))).toBe('Ana');
  });

  it('when the word has quotes, then it stays one default; without a word, the bare name', () => {
    expect(interpolate(placeholderOf({ kind: 'name' }, 'a "amiga"'), {})).toBe('a "amiga"');
    expect(placeholderOf({ kind: 'name' }, ' ')).toBe('{{contact.name}}');
  });

  it('when an attribute or the phone is picked, then the send fills it from the contact', () => {
    const vars = contactVars({ name: 'Ana', phone: '5581990000001', attributes: { bairro: 'Pina', Observação: 'Portão azul' } });
    expect(interpolate(placeholderOf({ kind: 'attribute', key: 'bairro' }, 'x'), vars)).toBe('Pina');
    expect(interpolate(placeholderOf({ kind: 'attribute', key: 'Observação' }, 'x'), vars)).toBe('Portão azul');
    expect(interpolate(placeholderOf({ kind: 'phone' }, 'x'), vars)).toBe('5581990000001');
  });

  it('when the workspace has attributes, then they follow name and phone, without keys a placeholder cannot name', () => {
    expect(contactFields(['bairro', 'nome completo', 'name', '2024'])).toEqual([
      { kind: 'name' }, { kind: 'phone' }, { kind: 'attribute', key: 'bairro' }, { kind: 'attribute', key: '2024' },
    ]);
  });
});
