// Whether a dialog or drawer covers the page. Mantine's Modal and Drawer (and the confirmations of
// @mantine/modals) lock the page's scroll while open, and the lock marks <body> with
// data-scroll-locked (react-remove-scroll, counting the open ones); that one attribute is watched.
import { useSyncExternalStore } from 'react';

const LOCK = 'data-scroll-locked';

function subscribe(onChange: () => void): () => void {
  const watcher = new MutationObserver(onChange);
  watcher.observe(document.body, { attributes: true, attributeFilter: [LOCK] });
  return () => watcher.disconnect();
}

const isOpen = () => document.body.hasAttribute(LOCK);

export const useOverlayOpen = (): boolean => useSyncExternalStore(subscribe, isOpen, () => false);
