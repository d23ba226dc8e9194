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
