import { describe, expect, it } from 'vitest';
import { LongStringElider } from './webhook-body';

/** Runs `json` through the elider in chunks of `size` bytes, as a socket would hand it over. */
function elide(json: string, limit: number, size = 7) {
  const elider = new LongStringElider(limit);
  const bytes = Buffer.from(json);
  for (let i = 0; i < bytes.length; i += size) elider.push(bytes.subarray(i, i + size));
  return { text: elider.result().toString('utf8'), size: elider.size };
}

describe('LongStringElider', () => {
  it('when no string is over the limit, then the bytes come out exactly as they went in, whatever the chunking', () => {
    const json = JSON.stringify({ a: 'olá "mundo" \\ \n 🍕', b: [1, true, null, { c: 'x'.repeat(40) }], d: '\u0001' });
    for (const size of [1, 2, 3, 5, 64]) expect(elide(json, 64, size).text).toBe(json);
  });

  it('when a string is over the limit, then only its contents are dropped and the rest parses as before', () => {
    const file = 'A'.repeat(10_000);
    const json = JSON.stringify({ event: 'messages.upsert', data: { message: { documentMessage: { fileName: 'nota "1".pdf' }, base64: file }, pushName: 'Ana' } });
    const out = elide(json, 1024, 4096);
    expect(JSON.parse(out.text)).toEqual({ event: 'messages.upsert', data: { message: { documentMessage: { fileName: 'nota "1".pdf' }, base64: '' }, pushName: 'Ana' } });
    expect(out.size).toBeLessThan(200);
  });

  it('when a long string ends in escapes split across chunks, then the string after it is still read right', () => {
    const json = JSON.stringify({ big: `${'b'.repeat(300)}\\"\\`, after: 'fim "ok"' });
    for (const size of [1, 2, 3, 301, 302, 303]) expect(JSON.parse(elide(json, 100, size).text)).toEqual({ big: '', after: 'fim "ok"' });
  });

  it('when a file streams in, then what is held never grows past the kept part and one string under the limit', () => {
    const elider = new LongStringElider(1024);
    elider.push(Buffer.from('{"base64":"'));
    const chunk = Buffer.alloc(64 * 1024, 'Q');
    for (let i = 0; i < 64; i++) {
      elider.push(chunk);
      expect(elider.size).toBeLessThan(2048);
    }
    elider.push(Buffer.from('"}'));
    expect(elider.result().toString()).toBe('{"base64":""}');
  });
});
