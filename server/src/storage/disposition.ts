// Which stored files a browser may show in place. Signed URLs open on the storage origin, straight
// from our bucket: a file a browser would render or run there (HTML, SVG, XML of any vendor type,
// PDF, text) is served as an attachment instead, so it downloads. Media players and images stay inline.
// A file's own name, when known, goes with it (RFC 6266, via `content-disposition`): a storage key
// ends in a random id, and "Orçamento.pdf" should not download as "3f2a…".
import { create as formatDisposition } from 'content-disposition';

const INLINE = /^(image|audio|video)\/[\w.+-]+$/;
const RENDERABLE = /svg|xml|html/;

export function servedInline(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return INLINE.test(type) && !RENDERABLE.test(type);
}

/**
 * The Content-Disposition to store and serve with an object of this type: undefined keeps it inline
 * when no name is known; a name is given on both kinds. An unknown type downloads.
 */
export function contentDispositionFor(contentType: string | undefined, filename?: string | null): string | undefined {
  const inline = contentType !== undefined && servedInline(contentType);
  if (!filename) return inline ? undefined : 'attachment';
  return formatDisposition(filename, { type: inline ? 'inline' : 'attachment' });
}
