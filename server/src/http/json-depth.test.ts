import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { MAX_JSON_DEPTH, jsonDepth, refuseDeepJson } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '[]' + '}'.repeat(levels - 1);

describe('JSON depth', () => {
  it('when objects and arrays nest, then the deepest level is counted, brackets in strings are not', () => {
    expect(jsonDepth(bytes('1'))).toBe(0);
    expect(jsonDepth(bytes('{"a":[1,{"b":[]}],"c":{}}'))).toBe(4);
    expect(jsonDepth(bytes('{"text":"[[[[{{{{ \\" [[[["}'))).toBe(1);
    expect(jsonDepth(bytes('["\\\\",[["x"]]]'))).toBe(3);
    expect(jsonDepth(bytes(nested(5000)))).toBe(5000);
  });

  it('when a body nests deeper than the limit, then it is a 400 before parsing; at the limit it passes', () => {
    expect(() => refuseDeepJson(null, null, bytes(nested(MAX_JSON_DEPTH)))).not.toThrow();
    let error: unknown;
    try {
      refuseDeepJson(null, null, bytes(nested(MAX_JSON_DEPTH + 1)));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation_failed', status: 400 });
  });
});
