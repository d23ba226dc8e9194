// Toasts sit at the top or the bottom (toastPosition), and they must not cover what the page keeps
// there to be tapped: on a phone the app header always and an open thread's own header (back, Take,
// the menu); on a phone and on a wide screen (where toasts, bottom left, reach over the list's foot)
// the notification offer at the foot of the inbox list. A page marks such a bar with useToastsBelow()
// or useToastsAbove(); while it is on screen, toasts start just past its edge (the CSS variables
// --toasts-top and --toasts-bottom, read by notifications.module.css), measured again when the bar
// changes size, the window resizes, or a toast shows (a banner may have moved it).
import { notificationsStore } from '@mantine/notifications';
import { useCallback } from 'react';

const GAP = 8;

/**
 * How far from its side of the screen toasts start: past the bar reaching furthest in (a hidden bar
 * measures 0), or CSS's default when none is on screen. `reaches`: each bar's distance from that side.
 */
export function toastsOffset(reaches: number[]): string | null {
  const furthest = Math.max(0, ...reaches);
  return furthest > 0 ? `${Math.round(furthest + GAP)}px` : null;
}

type Side = 'top' | 'bottom';
const bars: Record<Side, Set<HTMLElement>> = { top: new Set(), bottom: new Set() };
let watching: { resized: ResizeObserver; unsubscribe: () => void } | null = null;

function reach(bar: HTMLElement, side: Side): number {
  const r = bar.getBoundingClientRect();
  if (r.height === 0) return 0;
  return side === 'top' ? r.bottom : window.innerHeight - r.top;
}

function place(): void {
  for (const side of ['top', 'bottom'] as const) {
    const offset = toastsOffset([...bars[side]].map((bar) => reach(bar, side)));
    if (offset) document.documentElement.style.setProperty(`--toasts-${side}`, offset);
    else document.documentElement.style.removeProperty(`--toasts-${side}`);
  }
}

function track(bar: HTMLElement, side: Side): void {
  bars[side].add(bar);
  if (!watching) {
    window.addEventListener('resize', place);
    watching = { resized: new ResizeObserver(place), unsubscribe: notificationsStore.subscribe(place) };
  }
  watching.resized.observe(bar);
  place();
}

function untrack(bar: HTMLElement, side: Side): void {
  bars[side].delete(bar);
  watching?.resized.unobserve(bar);
  if (watching && bars.top.size + bars.bottom.size === 0) {
    window.removeEventListener('resize', place);
    watching.resized.disconnect();
    watching.unsubscribe();
    watching = null;
  }
  place();
}

function useToastsClear(side: Side): (bar: HTMLElement | null) => (() => void) | undefined {
  return useCallback(
    (bar: HTMLElement | null) => {
      if (!bar) return undefined;
      track(bar, side);
      return () => untrack(bar, side);
    },
    [side],
  );
}

/** A callback ref for a bar at the top that toasts must stay below while it is mounted. */
export const useToastsBelow = () => useToastsClear('top');
/** A callback ref for a bar at the bottom that toasts must stay above while it is mounted. */
export const useToastsAbove = () => useToastsClear('bottom');
