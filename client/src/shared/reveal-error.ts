// After a refused submit, the first field marked invalid is brought into view and focused: in a
// long dialog the field the server named may sit above the scroll, under the dialog's header.
import { useEffect, useState, type RefObject } from 'react';

export function revealFirstError(root: HTMLElement | null): void {
  const field = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return;
  field.scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
}

/** `reveal()` after setting the errors: once they are on screen, the first one is shown. */
export function useRevealError(root: RefObject<HTMLElement | null>): () => void {
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (turn > 0) revealFirstError(root.current);
  }, [turn, root]);
  return () => setTurn((n) => n + 1);
}
