// Swiping a bubble to the right answers it, as in WhatsApp (swipe-gesture.ts decides). The hook
// feeds the gesture the bubble's pointer events and draws it straight on the bubble: its offset, and
// data-swipe with --swipe-progress for the arrow behind it (thread.module.css). A swipe re-renders
// nothing. Released, the bubble springs back; at once when the system asks for reduced motion.
import { useEffect, useRef, type PointerEvent } from 'react';
import { armed, cancel, end, idle, move, offsetOf, start, SWIPE, type Swipe } from './swipe-gesture';

/** A touch on a player's controls is the player's (seeking in an audio is a sideways drag too). */
const PLAYER = 'audio, video';

function draw(el: HTMLElement, s: Swipe) {
  if (s.phase === 'swiping') {
    el.dataset.swipe = armed(s) ? 'armed' : 'moving';
    el.style.translate = `${s.offset}px`;
    el.style.setProperty('--swipe-progress', String(Math.min(1, s.offset / SWIPE.fire)));
  } else if (el.dataset.swipe) {
    delete el.dataset.swipe;
    el.style.translate = '';
    el.style.removeProperty('--swipe-progress');
  }
}

const at = (e: PointerEvent) => ({ pointerId: e.pointerId, x: e.clientX, y: e.clientY, t: e.timeStamp });

/** The bubble's pointer handlers, to spread on it; none when `onReply` is null (the bubble does not swipe). */
export function useSwipeReply(onReply: (() => void) | null) {
  const gesture = useRef<Swipe>(idle);
  const springBack = useRef<Animation | null>(null);
  const bubble = useRef<HTMLElement | null>(null);
  const on = onReply !== null;
  // Swiping turned off mid-swipe (the chat was closed or taken meanwhile): the release would no
  // longer reach the bubble, so it goes back now.
  useEffect(() => {
    if (!on) return;
    return () => {
      gesture.current = idle;
      if (bubble.current) draw(bubble.current, idle);
    };
  }, [on]);
  if (!onReply) return undefined;

  /** Back to its place, the swipe over (answered or not). */
  const release = (el: HTMLElement, next: Swipe) => {
    const from = offsetOf(gesture.current);
    gesture.current = next;
    draw(el, next);
    if (from > 0 && !window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      springBack.current = el.animate([{ translate: `${from}px` }, { translate: '0px' }], { duration: 180, easing: 'ease-out' });
    }
  };

  return {
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      if (e.target instanceof Element && e.target.closest(PLAYER)) return;
      bubble.current = e.currentTarget;
      gesture.current = start(gesture.current, { ...at(e), pointerType: e.pointerType, isPrimary: e.isPrimary });
      draw(e.currentTarget, gesture.current);
    },
    onPointerMove: (e: PointerEvent<HTMLElement>) => {
      const next = move(gesture.current, at(e));
      if (next === gesture.current) return;
      // A new swipe takes the bubble from a spring back still under way.
      if (next.phase === 'swiping') springBack.current?.cancel();
      gesture.current = next;
      draw(e.currentTarget, next);
    },
    onPointerUp: (e: PointerEvent<HTMLElement>) => {
      const { next, fired } = end(gesture.current, e.pointerId);
      if (next === gesture.current) return;
      release(e.currentTarget, next);
      if (fired) onReply();
    },
    onPointerCancel: (e: PointerEvent<HTMLElement>) => {
      const next = cancel(gesture.current, e.pointerId);
      if (next !== gesture.current) release(e.currentTarget, next);
    },
  };
}
