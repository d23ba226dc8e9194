import { describe, expect, it } from 'vitest';
import { matchCanned, slashQuery } from './canned-match';

const items = [
  { id: '1', shortcut: 'preco', text: 'O bolo custa R$ 12' },
  { id: '2', shortcut: 'horario', text: 'Abrimos às 9h, preço especial às terças' },
  { id: '3', shortcut: 'oi', text: 'Olá {{contact.name}}!' },
];

describe('canned response picker', () => {
  it('reads the query only while a slash command is being typed', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/Pre')).toBe('pre');
    expect(slashQuery('/preço')).toBe('preço');
    expect(slashQuery('oi /pre')).toBeNull();
    expect(slashQuery('/pre co')).toBeNull();
  });
  it('puts shortcut prefix matches first, then text matches', () => {
    expect(matchCanned(items, 'pre').map((c) => c.id)).toEqual(['1', '2']);
    expect(matchCanned(items, 'preço').map((c) => c.id)).toEqual(['2']);
    expect(matchCanned(items, '').map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(matchCanned(items, 'o', 2)).toHaveLength(2);
  });
});
