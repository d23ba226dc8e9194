import { useCallback, useEffect, useState } from 'react';
import { contactsApi, type Contact, type ContactFilter } from './contacts-api';

type State = { status: 'loading' | 'ready' | 'error'; items: Contact[]; nextCursor: string | null };

/** The filtered contact list, paged with "load more"; refetched when the filter changes (debounced by the caller). */
export function useContacts(filter: ContactFilter) {
  const [state, setState] = useState<State>({ status: 'loading', items: [], nextCursor: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, status: 'loading' }));
    contactsApi.list(filter, ctrl.signal).then(
      (page) => setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor }),
      (err) => { if (!ctrl.signal.aborted) setState({ status: 'error', items: [], nextCursor: null }); void err; },
    );
    return () => ctrl.abort();
  }, [filter.q, filter.tag, version]); // eslint-disable-line react-hooks/exhaustive-deps

  const loadMore = useCallback(async () => {
    if (!state.nextCursor) return;
    const page = await contactsApi.list({ ...filter, cursor: state.nextCursor });
    setState((s) => ({ status: 'ready', items: [...s.items, ...page.items], nextCursor: page.nextCursor }));
  }, [filter, state.nextCursor]);

  const replace = useCallback((c: Contact) => setState((s) => ({ ...s, items: s.items.map((x) => (x.id === c.id ? c : x)) })), []);
  const remove = useCallback((id: string) => setState((s) => ({ ...s, items: s.items.filter((x) => x.id !== id) })), []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, loadMore, replace, remove, reload };
}
