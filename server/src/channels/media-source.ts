// What a channel hands back when asked for an inbound media file: the provider's metadata at once,
// the bytes only on demand. Splitting the two lets the media worker refuse a file the provider
// announces as too large before a single byte of it is transferred.

export type MediaSource = {
  mimeType: string;
  /** Size the provider announced, when it did; the worker still counts the bytes it reads. */
  size: number | null;
  /** Hex SHA-256 the provider announced, when it did. */
  sha256: string | null;
  /** Opens the byte stream. The caller may cancel it early (e.g. once it is over the size limit). */
  open(): Promise<ReadableStream<Uint8Array>>;
};

/**
 * `retry`: worth another attempt (network, 5xx, rate limit). `permanent`: will not succeed later
 * (unknown or expired media id, revoked token), so the media is marked failed at once.
 */
export class MediaDownloadError extends Error {
  constructor(
    readonly kind: 'retry' | 'permanent',
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MediaDownloadError';
  }
}
