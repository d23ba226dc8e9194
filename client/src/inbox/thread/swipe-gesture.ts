// Swiping a bubble to the right answers it, as in WhatsApp. Which way a touch goes is decided once,
// from its first few pixels: to the right, it is a swipe and the bubble follows the finger (up to
// MAX px); any other way, it is the browser's (a scroll) and the swipe lets it go. A finger held
// still for a long press first is the browser's too (it selects text or opens the menu). Released at FIRE px
// or more, the swipe answers the bubble; earlier, it springs back. Pure: use-swipe-reply.ts feeds it
// the pointer's positions and draws what it answers.

export const SWIPE = {
  /** The distance (px) after which a touch's direction is decided. */
  decide: 10,
  /** How far (px) a release must have carried the bubble to answer it. */
  fire: 48,
  /** How far (px) the bubble follows the finger. */
  max: 64,
  /** How long (ms) a finger held still is a long press, whatever it does next. */
  longPress: 500,
} as const;

export type Swipe =
  | { phase: 'idle' }
  /** Down, not yet 10 px away: scroll or swipe is still open. */
  | { phase: 'pending'; pointerId: number; x0: number; y0: number; t0: number }
  /** Going right: the bubble is `offset` px to the right. */
  | { phase: 'swiping'; pointerId: number; x0: number; offset: number }
  /** Going another way (a scroll): the rest of this touch is not a swipe. */
  | { phase: 'declined'; pointerId: number };

/** `t`: the event's time in ms (its timeStamp). */
export type PointerAt = { pointerId: number; x: number; y: number; t: number };

export const idle: Swipe = { phase: 'idle' };

/** A finger or a pen: a mouse drag selects the bubble's text, as it always did. */
export const swipes = (pointerType: string): boolean => pointerType === 'touch' || pointerType === 'pen';

/**
 * A pointer goes down on the bubble. A second finger changes nothing; a new first one starts over,
 * whatever an earlier touch left (its release may have been lost, as when it was lifted elsewhere).
 */
export function start(s: Swipe, p: PointerAt & { pointerType: string; isPrimary: boolean }): Swipe {
  if (!p.isPrimary) return s;
  return swipes(p.pointerType) ? { phase: 'pending', pointerId: p.pointerId, x0: p.x, y0: p.y, t0: p.t } : idle;
}

const clamp = (dx: number) => Math.min(SWIPE.max, Math.max(0, dx));

export function move(s: Swipe, p: PointerAt): Swipe {
  if (s.phase === 'idle' || s.pointerId !== p.pointerId) return s;
  if (s.phase === 'swiping') return { ...s, offset: clamp(p.x - s.x0) };
  if (s.phase !== 'pending') return s;
  const dx = p.x - s.x0;
  const dy = p.y - s.y0;
  if (Math.max(Math.abs(dx), Math.abs(dy)) < SWIPE.decide) return s;
  if (p.t - s.t0 >= SWIPE.longPress) return { phase: 'declined', pointerId: s.pointerId };
  return dx > Math.abs(dy) ? { phase: 'swiping', pointerId: s.pointerId, x0: s.x0, offset: clamp(dx) } : { phase: 'declined', pointerId: s.pointerId };
}

/** The finger is lifted: the swipe answers the bubble when it was carried far enough. */
export function end(s: Swipe, pointerId: number): { next: Swipe; fired: boolean } {
  if (s.phase === 'idle' || s.pointerId !== pointerId) return { next: s, fired: false };
  return { next: idle, fired: s.phase === 'swiping' && s.offset >= SWIPE.fire };
}

/** The browser took the touch (it scrolls, or a long press selects): nothing is answered. */
export const cancel = (s: Swipe, pointerId: number): Swipe => (s.phase !== 'idle' && s.pointerId === pointerId ? idle : s);

/** How far right the bubble is drawn. */
export const offsetOf = (s: Swipe): number => (s.phase === 'swiping' ? s.offset : 0);

/** Released now, the swipe would answer the bubble. */
export const armed = (s: Swipe): boolean => offsetOf(s) >= SWIPE.fire;
