import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from './decode-text';

const csv = 'phone;name;cidade\n+55 11 98888-7777;João Conceição;São Paulo\n';
const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out.push(...(order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
};
/** Windows-1252 agrees with Latin-1 for every accented letter Portuguese uses. */
const latin1 = (text: string) => Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));

describe('decodeText', () => {
  it('when a file is UTF-8, with or without a byte-order mark, then it reads as written and the mark is dropped', () => {
    const bytes = new TextEncoder().encode(csv);
    expect(decodeText(bytes)).toEqual({ text: csv, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: csv, encoding: 'utf-8' });
  });

  it('when Excel saved the CSV in Windows-1252, then accented names read right instead of as replacement marks', () => {
    const decoded = decodeText(latin1(csv));
    expect(decoded).toEqual({ text: csv, encoding: 'windows-1252' });
    expect(decodeText(Uint8Array.from([0x93, 0x6f, 0x69, 0x94, 0x20, 0x80]))).toMatchObject({ text: '\u201coi\u201d €' });
  });

  it.each([
    ['le', true],
    ['be', true],
    ['le', false],
    ['be', false],
  ] as const)('when the file is UTF-16 %s (byte-order mark: %s), then it reads as written', (order, bom) => {
    expect(decodeText(utf16(csv, order, bom))).toEqual({ text: csv, encoding: `utf-16${order}` });
  });

  it('when the bytes are a binary file such as an .xlsx, then the text is seen as binary', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xff, 0x9a]);
    expect(looksBinary(decodeText(zip).text)).toBe(true);
    expect(looksBinary(decodeText(latin1(csv)).text)).toBe(false);
  });

  it('when the file is empty, then the text is empty', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
