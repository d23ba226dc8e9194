import { parseCsv } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import { readHeader, readLine } from './import-lines';

const header = (line: string) => readHeader(parseCsv(`${line}\n`)[0]);
const refusal = (line: string) => {
  try {
    header(line);
  } catch (err) {
    return (err as { details?: Record<string, unknown> }).details;
  }
  return null;
};

describe('readHeader', () => {
  it('when a Brazilian spreadsheet heads its columns in Portuguese with spaces, then they become phone, name and attribute names', () => {
    const h = header('Telefone,Nome,Data de nascimento,Etiquetas,Observação');
    expect(h.columns).toEqual(['phone', 'name', 'Data_de_nascimento', 'tags', 'Observação']);
    expect(h.attributeColumns).toEqual([
      { column: 'Data de nascimento', attribute: 'Data_de_nascimento' },
      { column: 'Observação', attribute: 'Observação' },
    ]);
    expect(header('Telefone;Nome;Data de nascimento').columns).toEqual(['phone', 'name', 'Data_de_nascimento']);
  });

  it('when a known column has stray marks or the English names are used, then it is still that column', () => {
    expect(header('Telefone *,Nome:,Valor (R$)').columns).toEqual(['phone', 'name', 'Valor_R']);
    expect(header('phone,name,tags,cidade').columns).toEqual(['phone', 'name', 'tags', 'cidade']);
  });

  it('when a line is read, then its cells fill the converted attribute names', () => {
    const [head, record] = parseCsv('Telefone,Nome,Data de nascimento\n(11) 91234-5678,Carla,10/03/1990\n');
    expect(readLine(readHeader(head), record!, 'BR')).toEqual({
      ok: { line: 2, phone: '+5511912345678', name: 'Carla', tags: [], attributes: { Data_de_nascimento: '10/03/1990' } },
    });
  });

  it('when a column has nothing a name can hold, is reserved, or two columns give one name, then the file is refused naming it', () => {
    expect(refusal('phone,???')).toEqual({ reason: 'bad_column', column: '???' });
    expect(refusal('phone,Constructor')).toEqual({ reason: 'reserved_column', column: 'Constructor' });
    expect(refusal('phone,Data nasc,Data_nasc')).toEqual({ reason: 'duplicate_column', column: 'data_nasc' });
    expect(refusal('Nome,Data')).toEqual({ reason: 'no_phone_column' });
  });
});
