// On a phone toasts sit at the top (toastPosition), and they must not cover what the page keeps
// there to be tapped: the app header always, and an open thread's own header (back, Take, the menu).
// A page marks such a bar with useToastsBelow(); while it is on screen, toasts start just below its
// lower edge (the CSS variable --toasts-top, read by notifications.module.css), measured again when
// the bar changes size, the window resizes, or a toast shows (a banner above may have moved it).
import { notificationsStore } from '@mantine/notifications';
import { useCallback } from 'react';

const VARIABLE = '--toasts-top';
const GAP = 8;

/** Where toasts start: below the lowest bar on screen (a hidden one measures 0), or CSS's default when none is. */
export function toastsTop(bottoms: number[]): string | null {
  const lowest = Math.max(0, ...bottoms);
  return lowest > 0 ? `${Math.round(lowest + GAP)}px` : null;
}

const bars = new Set<HTMLElement>();
let watching: { resized: ResizeObserver; unsubscribe: () => void } | null = null;

function place(): void {
  const top = toastsTop([...bars].map((bar) => bar.getBoundingClientRect().bottom));
  if (top) document.documentElement.style.setProperty(VARIABLE, top);
  else document.documentElement.style.removeProperty(VARIABLE);
}

function track(bar: HTMLElement): void {
  bars.add(bar);
  if (!watching) {
    window.addEventListener('resize', place);
    watching = { resized: new ResizeObserver(place), unsubscribe: notificationsStore.subscribe(place) };
  }
  watching.resized.observe(bar);
  place();
}

function untrack(bar: HTMLElement): void {
  bars.delete(bar);
  watching?.resized.unobserve(bar);
  if (watching && bars.size === 0) {
    window.removeEventListener('resize', place);
    watching.resized.disconnect();
    watching.unsubscribe();
    watching = null;
  }
  place();
}

/** A callback ref for a bar that toasts must stay below while it is mounted. */
export function useToastsBelow(): (bar: HTMLElement | null) => (() => void) | undefined {
  return useCallback((bar: HTMLElement | null) => {
    if (!bar) return undefined;
    track(bar);
    return () => untrack(bar);
  }, []);
}
