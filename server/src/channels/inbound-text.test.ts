import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileString, junk } from '../../test/inbound-fuzz';
import { excerptOf } from './inbound-rejection';
import { boundedRaw, cleanId, cleanMimeType, cleanText, isoFromUnix } from './inbound-text';
import { isStorable, unstorableEscapes } from '../db/storable-text';

const NOW = new Date('2026-03-04T05:06:07.000Z');

describe('inbound field rules', () => {
  it.each([
    ['NUL is removed', 'a\u0000b', 'ab'],
    ['a lone high or low surrogate becomes U+FFFD', '\ud800x\udc00', '\ufffdx\ufffd'],
    ['a real pair (emoji) is kept', 'oi 😀', 'oi 😀'],
    ['a pair cut by the length cap becomes one U+FFFD', `${'a'.repeat(9)}😀`, `${'a'.repeat(9)}\ufffd`],
    ['text that was only NUL is no text', '\u0000', null],
  ])('cleanText: %s', (_name, input, expected) => {
    expect(cleanText(input, 10)).toBe(expected);
  });

  it('cleanId keeps an id exactly or refuses it: never a rewritten id that could equal another', () => {
    expect(cleanId('wamid.HBgN=')).toBe('wamid.HBgN=');
    expect(cleanId(5511988887777)).toBe('5511988887777');
    for (const bad of ['', 'a\u0000', 'a\nb', '\ud800', 'x'.repeat(257), 1.5, -1, {}, ['a']]) expect(cleanId(bad)).toBeNull();
  });

  it.each([
    ['unix seconds as a string', '1750857384', '2025-06-25T13:16:24.000Z'],
    ['unix seconds as a number', 1750857384, '2025-06-25T13:16:24.000Z'],
    ['past year 275760 (Invalid Date)', '99999999999999', NOW.toISOString()],
    ['years ahead', 4102444800, NOW.toISOString()],
    ['before WhatsApp existed', '12', NOW.toISOString()],
    ['not a number', '1e3', NOW.toISOString()],
  ])('isoFromUnix: %s', (_name, ts, expected) => {
    expect(isoFromUnix(ts, NOW)).toBe(expected);
  });

  it('cleanMimeType keeps real media types and refuses anything that could break a header', () => {
    expect(cleanMimeType('audio/ogg; codecs=opus')).toBe('audio/ogg; codecs=opus');
    for (const bad of ['text/html\r\nX: y', 'image', 'a/b; c="\ud800"', 42]) expect(cleanMimeType(bad)).toBe('application/octet-stream');
  });

  it('for any input: clean text is storable, ids are exact or null, times are valid instants, excerpts are bounded', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, junk), (v) => {
        const text = cleanText(v);
        if (text !== null) expect(isStorable(text)).toBe(true);
        const id = cleanId(v);
        if (id !== null) expect(id === v || id === String(v)).toBe(true);
        expect(new Date(isoFromUnix(v, NOW)).getTime()).toBeLessThanOrEqual(NOW.getTime() + 86_400_000);
        expect(JSON.stringify(excerptOf(v)).length).toBeLessThan(16_000);
      }),
      { numRuns: 500 },
    );
  });

  it('boundedRaw makes NUL and half surrogate pairs U+FFFD, and keeps whole emoji and a backslash before "u" as they were', () => {
    expect(boundedRaw({ a: 'x\u0000y', b: 'z\ud83d', c: '\udc00', d: '😀', e: '\\u0000 \\ud800' })).toEqual({ a: 'x\ufffdy', b: 'z\ufffd', c: '\ufffd', d: '😀', e: '\\u0000 \\ud800' });
    // JSON.stringify writes a lone surrogate as an escape, so none may be left in the stored JSON.
    for (const v of fc.sample(fc.oneof(hostileString, junk), 200)) expect([...unstorableEscapes(JSON.stringify(boundedRaw({ v })))]).toEqual([]);
  });
});
