// On a phone the open chat covers the whole page, so it is a modal dialog there: Tab and Shift+Tab go
// round the chat's own controls instead of on to the hidden page behind it. The host page's elements are
// left as they are (no `inert` on a body the widget does not own). On a computer the chat is a small box
// beside the page and Tab goes on to it as before.
import { isPhone } from './viewport';

const FOCUSABLE = 'button, input, a[href], audio[controls], video[controls], [tabindex]';

/** The panel's controls a Tab can reach now, in order (hidden ones and tabindex -1 left out). */
const stops = (panel: HTMLElement) =>
  [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0);

/** Traps the focus in `panel` while it is open on a phone; `close` is Escape with the focus on the page behind. */
export function phoneFocusTrap(panel: HTMLElement, root: ShadowRoot, close: () => void) {
  const onKey = (e: KeyboardEvent) => {
    if (!isPhone()) return;
    const inside = root.activeElement instanceof HTMLElement && panel.contains(root.activeElement) ? root.activeElement : null;
    if (e.key === 'Escape' && !inside) return close();
    if (e.key !== 'Tab') return;
    const all = stops(panel);
    const first = all[0];
    const last = all[all.length - 1];
    if (!first || !last) return;
    const to = !inside ? (e.shiftKey ? last : first) : e.shiftKey && inside === first ? last : !e.shiftKey && inside === last ? first : null;
    if (!to) return;
    e.preventDefault();
    to.focus();
  };
  return {
    /** Set as the chat opens or closes. */
    set(open: boolean) {
      panel.setAttribute('aria-modal', String(open && isPhone()));
      if (open) window.addEventListener('keydown', onKey, true);
      else window.removeEventListener('keydown', onKey, true);
    },
  };
}
