import { useCallback, useEffect, useState } from 'react';
import { contactsApi, type ContactField } from '../contacts-api';

export type FieldsState = { status: 'loading' | 'ready' | 'error'; items: ContactField[] };

/** The workspace's contact fields, read while `open` and again on `reload()` (after a rename or a delete). */
export function useContactFields(open: boolean) {
  const [state, setState] = useState<FieldsState>({ status: 'loading', items: [] });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!open) return;
    const abort = new AbortController();
    setState((s) => ({ ...s, status: 'loading' }));
    contactsApi.fields(abort.signal).then(
      (r) => setState({ status: 'ready', items: r.items }),
      () => { if (!abort.signal.aborted) setState((s) => ({ ...s, status: 'error' })); },
    );
    return () => abort.abort();
  }, [open, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { state, reload };
}
