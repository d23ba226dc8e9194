// Which stored files a browser may show in place. Signed URLs open on the storage origin, straight
// from our bucket: a file a browser would render or run there (HTML, SVG, XML of any vendor type,
// PDF, text) is served as an attachment instead, so it downloads. Media players and images stay inline.
const INLINE = /^(image|audio|video)\/[\w.+-]+$/;
const RENDERABLE = /svg|xml|html/;

export function servedInline(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return INLINE.test(type) && !RENDERABLE.test(type);
}

/** The Content-Disposition to store and serve with an object of this type; undefined keeps it inline. */
export const contentDispositionFor = (contentType: string): 'attachment' | undefined => (servedInline(contentType) ? undefined : 'attachment');
