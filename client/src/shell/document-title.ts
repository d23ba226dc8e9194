// The tab's title: the page, then the product, with the chats that need the agent in front
// ("(3) Inbox · Zyntra"), so an agent working in another tab sees them arrive: the ones waiting for
// someone to take them, plus the agent's own with a customer message not read yet. The two never
// overlap (a chat someone holds is no longer waiting), and reading a chat takes it off.
import { useEffect } from 'react';

export const PRODUCT = 'Zyntra';

export function documentTitle(page: string | null, pending = 0): string {
  const base = page ? `${page} · ${PRODUCT}` : PRODUCT;
  return pending > 0 ? `(${pending > 99 ? '99+' : pending}) ${base}` : base;
}

/** Sets the title while the caller is shown; the product's name alone once it is gone. */
export function useDocumentTitle(page: string | null, pending = 0): void {
  useEffect(() => {
    document.title = documentTitle(page, pending);
  }, [page, pending]);
  useEffect(() => () => void (document.title = PRODUCT), []);
}
