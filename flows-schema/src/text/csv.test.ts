import { describe, expect, it } from 'vitest';
import { csvColumn, parseCsv } from './csv';

describe('parseCsv', () => {
  it('when fields are quoted with commas, quotes and line breaks, then each record keeps its first line number', () => {
    const text = '\uFEFFphone,name,notes\r\n+5511988887777,"Silva, Ana","disse ""oi""\nduas linhas"\r\n\r\n11 97777-6666,Bruno,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['phone', 'name', 'notes'] },
      { line: 2, fields: ['+5511988887777', 'Silva, Ana', 'disse "oi"\nduas linhas'] },
      { line: 5, fields: ['11 97777-6666', 'Bruno', ''] },
    ]);
  });

  it('when the header is separated by semicolons, then that is the delimiter', () => {
    expect(parseCsv('phone;name\n11988887777;Ana').map((r) => r.fields)).toEqual([['phone', 'name'], ['11988887777', 'Ana']]);
  });

  it('when the header is separated by tabs (Excel\'s "Unicode text"), then that is the delimiter, and commas stay in their field', () => {
    expect(parseCsv('Telefone\tNome\n11988887777\tSouza, Ana').map((r) => r.fields)).toEqual([['Telefone', 'Nome'], ['11988887777', 'Souza, Ana']]);
  });

  it('when a quote is never closed, then its record is flagged with the quote kept as a character, and the lines after it are read', () => {
    const text = 'phone,name,cidade\n+5511944440001,"Ana,SP\n+5511944440002,Bia,RJ\r\n+5511944440003,"Cida, a ""Cidinha""",BH\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['phone', 'name', 'cidade'] },
      { line: 2, fields: ['+5511944440001', '"Ana', 'SP'], unclosedQuote: true },
      { line: 3, fields: ['+5511944440002', 'Bia', 'RJ'] },
      { line: 4, fields: ['+5511944440003', 'Cida, a "Cidinha"', 'BH'] },
    ]);
    // Two of them: each is flagged where it is.
    expect(parseCsv('a,b\n"x,1\n2,3\n4,"y\n5,6').map((r) => [r.line, r.unclosedQuote ?? false])).toEqual([[1, false], [2, true], [3, false], [4, true], [5, false]]);
  });

  it('when a file has very many quotes never closed, then it is still read in bounded time', () => {
    const text = 'a,b\n' + '"x,1\n'.repeat(5000);
    const started = Date.now();
    const records = parseCsv(text);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(records.at(-1)?.unclosedQuote).toBe(true);
  });

  it('when the last line has no newline, then it is still read', () => {
    expect(parseCsv('a,b\n1,2').at(-1)).toEqual({ line: 2, fields: ['1', '2'] });
  });
});

describe('csvColumn', () => {
  it.each([
    ['Telefone', 'phone'],
    [' celular ', 'phone'],
    ['WhatsApp', 'phone'],
    ['PHONE', 'phone'],
    ['Fone', 'phone'],
    ['TEL', 'phone'],
    ['Número', 'phone'],
    ['numero', 'phone'],
    ['NÚMERO', 'phone'],
    ['Mobile', 'phone'],
    ['Nome', 'name'],
    ['Etiquetas', 'tags'],
    [' Cidade ', 'Cidade'],
    ['constructor', 'constructor'],
    ['__PROTO__', '__PROTO__'],
    ['toString', 'toString'],
  ])('when a header cell reads %j, then the column is %j', (cell, column) => {
    expect(csvColumn(cell)).toBe(column);
  });
});
