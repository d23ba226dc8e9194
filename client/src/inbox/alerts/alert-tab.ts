// Which of the agent's open tabs alerts, and how. Every tab hears the same events; one tone should
// play, not one per tab. The tabs hold a Web Lock by turns: the one holding it alerts; a tab the
// agent clicks or types in, or comes back to, takes it over (it has the user activation a browser
// asks before playing a sound, and it is the one they look at), and when the holder closes the next
// tab gets it.
// Browsers without Web Locks (a page served over plain http from another machine) alert in every tab.

/**
 * `first`: tone and notification. `again`: the chat alerted a moment ago (a transfer, then its
 * automatic assignment): its notification is replaced, without another tone. Per chat: a customer
 * writing in another chat just after is a tone of its own.
 */
export function createChatGate(gapMs: number): (chatId: string, now: number) => 'first' | 'again' {
  const last = new Map<string, number>();
  return (chatId, now) => {
    for (const [id, at] of last) if (now - at >= gapMs) last.delete(id);
    if (last.has(chatId)) return 'again';
    last.set(chatId, now);
    return 'first';
  };
}

const LOCK = 'zyntra.inbox.alerts';
let leads = typeof navigator === 'undefined' || !navigator.locks;
let queued: AbortController | null = null;

/** Holds the lock until the tab closes or another takes it; `take`: from whichever tab has it. */
function hold(take: boolean): void {
  queued?.abort();
  const ctl = new AbortController();
  queued = take ? null : ctl;
  const held = () => {
    if (queued === ctl) queued = null;
    leads = true;
    return new Promise<void>(() => undefined);
  };
  navigator.locks.request(LOCK, take ? { steal: true } : { signal: ctl.signal }, held).catch(() => {
    if (ctl.signal.aborted) return; // given up for a takeover of our own
    leads = false; // taken over by another tab: wait for our turn again
    hold(false);
  });
}

/**
 * A tab the agent comes back to without a click or a key (Ctrl+Tab, another window brought up) takes
 * over too, when they used it before: a browser lets a page that was once clicked or typed in play
 * sound from then on (a tab never used could not, so it leaves the lock where it is).
 */
const cameBack = () => document.visibilityState === 'visible' && navigator.userActivation?.hasBeenActive === true;

if (!leads) {
  hold(false);
  for (const type of ['pointerdown', 'keydown'] as const) window.addEventListener(type, () => void (leads || hold(true)), { capture: true, passive: true });
  document.addEventListener('visibilitychange', () => void (leads || !cameBack() || hold(true)));
  window.addEventListener('focus', () => void (leads || !cameBack() || hold(true)));
}

/** Whether this tab plays the agent's alerts. */
export const leadsAlerts = () => leads;
