// What inbound media we keep: a size limit and the content types we are willing to serve back
// from our storage. Pure, so the worker's rules read in one place.
import { readUpTo } from '../net/read-up-to';

/** WhatsApp's own ceiling for images/audio/video is 16 MB; documents above it are rare enough to refuse. */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;

/** A file we will not store: the media is marked failed with this reason, and the job ends. */
export class MediaRejected extends Error {
  constructor(
    readonly code: 'too_large' | 'unsupported_type' | 'channel_gone' | 'unsupported_channel',
    message: string,
  ) {
    super(message);
    this.name = 'MediaRejected';
  }
}

// Exact byte counts: a file one byte over would otherwise read "16.0 MiB, limit 16.0 MiB".
export const tooLarge = (size: number, atLeast = false) =>
  new MediaRejected('too_large', `Media is too large: ${atLeast ? 'more than ' : ''}${size} bytes, over the ${MAX_MEDIA_BYTES / 1024 / 1024} MiB limit`);

// Signed URLs are opened in the inbox's browser straight from the storage origin, so nothing a
// browser would run (HTML, SVG, XML, scripts) is kept, whatever the sender labelled it.
const ALLOWED =
  /^(image\/(jpeg|png|webp|gif|heic|heif)|audio\/[\w.+-]+|video\/[\w.+-]+|text\/(plain|csv)|application\/(pdf|zip|rtf|octet-stream|msword|vnd\.[\w.+-]+))$/;

/** The bare, lower-case media type (parameters such as `codecs=opus` dropped), or MediaRejected. */
export function checkContentType(raw: string): string {
  const type = raw.split(';')[0]!.trim().toLowerCase();
  if (!ALLOWED.test(type)) throw new MediaRejected('unsupported_type', `Media type ${type || '(none)'} is not accepted`);
  return type;
}

/** Reads a stream to the end, cancelling it as soon as it passes `max` bytes. */
export async function readLimited(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const read = await readUpTo(stream, max);
  if ('over' in read) throw tooLarge(read.over, true);
  return read.bytes;
}
