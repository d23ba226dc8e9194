// The file name a flow's export is saved under: the browser's download and the server's
// content-disposition both name it from here, so the two cannot drift apart.
const COMBINING_MARKS = /\p{M}+/gu;
const MAX_SLUG = 60;

/** "Promoção de Natal!" → "promocao-de-natal"; safe inside a quoted content-disposition filename. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug || 'flow';
}
