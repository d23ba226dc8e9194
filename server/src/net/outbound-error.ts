// The one error type of outbound HTTP. Its message is ours and safe to show the workspace (run
// logs, API answers, info logs): it never carries what the remote server said. `cause` keeps the
// underlying error for debugging; do not show it to a tenant.
export type OutboundErrorKind =
  | 'bad_url' // not an http(s) URL, or one with credentials in it
  | 'bad_request' // a method or header Node refuses to send
  | 'blocked_address' // the host is, or resolves to, a private/reserved/metadata address
  | 'redirect' // the server answered 3xx and redirects are not followed (or too many)
  | 'timeout' // no complete answer (connect + headers + body) within timeoutMs
  | 'too_large' // the answer is over maxResponseBytes
  | 'network'; // name not found, refused, reset, TLS failure, not HTTP

export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
    readonly detail: { range?: string; status?: number; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

const NETWORK_WORDS: Array<[RegExp, string]> = [
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NODATA|EAI_NONAME|ENODATA)$/, 'the host name could not be resolved'],
  [/^ECONNREFUSED$/, 'the connection was refused'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/, 'the connection was closed before a complete answer'],
  [/^(EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EADDRNOTAVAIL)$/, 'the host could not be reached'],
  [/^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_SSL_|EPROTO)/, 'the TLS connection failed (certificate or protocol)'],
  [/^HPE_/, 'the answer is not valid HTTP'],
];

/** Turns a socket/parser error into our words, keeping the original as `cause`. */
export function networkError(err: unknown): OutboundError {
  if (err instanceof OutboundError) return err;
  const code = String((err as { code?: unknown })?.code ?? '');
  const words = NETWORK_WORDS.find(([re]) => re.test(code))?.[1] ?? 'the request failed';
  return new OutboundError('network', `Could not complete the request: ${words}`, { cause: err });
}
