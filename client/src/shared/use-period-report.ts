// A report read for the period [from, to): null while it loads, read again whenever the period
// changes (the previous read is abandoned, so a slow answer never replaces a newer one).
import { useEffect, useState } from 'react';

type Read<T> = (from: string, to: string, signal: AbortSignal) => Promise<T>;

export function usePeriodReport<T>(read: Read<T>, from: Date, to: Date): { data: T | null; error: boolean } {
  const [state, setState] = useState<{ data: T | null; error: boolean }>({ data: null, error: false });
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ data: null, error: false });
    read(fromIso, toIso, ctrl.signal).then(
      (data) => setState({ data, error: false }),
      (e: unknown) => !(e instanceof DOMException) && setState({ data: null, error: true }),
    );
    return () => ctrl.abort();
    // `read` is a module-level API function; the period is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromIso, toIso]);
  return state;
}
