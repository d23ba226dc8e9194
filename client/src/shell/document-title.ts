// The tab's title: the page, then the product, with the chats waiting for a person in front
// ("(3) Inbox · Zyntra"), so an agent working in another tab sees them arrive.
import { useEffect } from 'react';

export const PRODUCT = 'Zyntra';

export function documentTitle(page: string | null, waiting = 0): string {
  const base = page ? `${page} · ${PRODUCT}` : PRODUCT;
  return waiting > 0 ? `(${waiting > 99 ? '99+' : waiting}) ${base}` : base;
}

/** Sets the title while the caller is shown; the product's name alone once it is gone. */
export function useDocumentTitle(page: string | null, waiting = 0): void {
  useEffect(() => {
    document.title = documentTitle(page, waiting);
  }, [page, waiting]);
  useEffect(() => () => void (document.title = PRODUCT), []);
}
