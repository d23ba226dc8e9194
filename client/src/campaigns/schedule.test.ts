import { describe, expect, it } from 'vitest';
import { phonesFromCsv, zonedToIso } from './schedule';

describe('campaign scheduling helpers', () => {
  it('when 09:30 is picked in São Paulo, then the instant is 12:30 UTC', () => {
    expect(zonedToIso('2026-12-05T09:30', 'America/Sao_Paulo')).toBe('2026-12-05T12:30:00.000Z');
  });

  it('when a CSV has a phone column, then its numbers are read and bad lines reported with their line numbers', () => {
    expect(phonesFromCsv('name,phone\nAna,+55 11 98888-7777\nBia,abc\nCai,5511977776666\n')).toEqual({
      phones: ['+5511988887777', '5511977776666'],
      rejected: [3],
      details: true,
    });
  });

  it('when a spreadsheet from Brazil names the column "Telefone", separates with ; and quotes a name with a comma, then the numbers are read', () => {
    expect(phonesFromCsv('Nome;Telefone;Cidade\n"Souza; Ana";(11) 98888-7777;Campinas\n\nBia;abc;Rio\nCai;+55 11 97777.6666;\n')).toEqual({
      phones: ['11988887777', '+5511977776666'],
      rejected: [4],
      details: true,
    });
  });

  it('when a CSV holds only numbers, then there is nothing to keep on the contacts but the numbers', () => {
    expect(phonesFromCsv('telefone\n+55 11 98888-0003\n').details).toBe(false);
    expect(phonesFromCsv('+55 11 98888-0003\n+55 11 98888-0004\n').details).toBe(false);
  });
});
