// The contact's details: beside the thread from 1200 px (shown or hidden as the agent chose,
// details-pref.ts), in a drawer over it below that.
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useCallback, useRef } from 'react';
import { useDetailsBeside } from './details-pref';

export interface DetailsPanel {
  /** The details can sit beside the thread (else they open in a drawer). */
  wide: boolean;
  /** They sit beside the thread now. */
  beside: boolean;
  drawer: boolean;
  closeDrawer(): void;
  /** Shows or hides them; `focusInto` (the header's button) takes the focus into them when they show. */
  toggle(focusInto: boolean): void;
  /** For the panel beside the thread: takes the focus when asked to. */
  sideRef(el: HTMLElement | null): void;
}

export function useDetailsPanel(): DetailsPanel {
  const wide = useMediaQuery('(min-width: 75em)');
  const [beside, toggleBeside] = useDetailsBeside();
  const [drawer, drawerCtl] = useDisclosure(false);
  const focusNext = useRef(false);
  const sideRef = useCallback((el: HTMLElement | null) => {
    if (el && focusNext.current) el.focus();
    focusNext.current = false;
  }, []);
  const toggle = (focusInto: boolean) => {
    if (!wide) return drawerCtl.toggle();
    focusNext.current = focusInto && !beside;
    // Hidden with the focus in them, the focus goes to the button that shows them again.
    if (beside && document.activeElement?.closest('[data-testid=inbox-side]')) document.querySelector<HTMLElement>('[data-testid=toggle-side]')?.focus();
    toggleBeside();
  };
  return { wide, beside: wide && beside, drawer: drawer && !wide, closeDrawer: drawerCtl.close, toggle, sideRef };
}
