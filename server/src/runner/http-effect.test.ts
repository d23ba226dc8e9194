import { describe, expect, it } from 'vitest';
import { redact } from './http-effect';

describe('redacting header values from a stored answer', () => {
  it('when the answer echoes a header value, then every occurrence is cut out, longest first', () => {
    const secrets = ['Bearer abc123', 'abc123'];
    expect(redact('{"auth":"Bearer abc123","raw":"abc123","again":"abc123"}', secrets)).toBe('{"auth":"[secret]","raw":"[secret]","again":"[secret]"}');
    expect(redact('nothing here', secrets)).toBe('nothing here');
  });
});
