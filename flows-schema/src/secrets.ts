// How a credential typed into a flow (an HTTP request step's Authorization header) is stored: the
// server seals it with its encryption key and marks it, so the stored form is longer than what was
// typed. A credential field holds at most 4,000 characters in that stored form.

/** Starts every credential in its stored (sealed) form. */
export const SEALED_SECRET_MARK = 'sealed:';

/**
 * The longest credential, in UTF-8 bytes, whose stored form fits 4,000 characters: the mark, the
 * key's tag (`v1:` and a 12-character key id and `:`) and the base64 of 28 bytes (IV and
 * authentication tag) plus the credential's own (2,900 bytes make 3,927 characters).
 */
export const SECRET_MAX_BYTES = 2_900;

/** UTF-8 length, as the server measures it (this package runs in the browser and in Node alike). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * The UTF-8 length of a credential typed too long to store sealed, or null when it fits. A value
 * already in its stored form was checked when it was sealed. The editor's rule and the server's
 * save both ask this.
 */
export function oversizedSecretBytes(value: string): number | null {
  if (value.startsWith(SEALED_SECRET_MARK)) return null;
  const bytes = utf8Bytes(value);
  return bytes > SECRET_MAX_BYTES ? bytes : null;
}
