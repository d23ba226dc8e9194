// Typing, both ways. The visitor sees "Ana está digitando…" while a person from the team types, and the
// team sees the visitor typing.
import { el } from './dom';
import type { Texts } from './texts';

/** How long "… is typing" stays without news; how often the visitor's typing is repeated, and the pause that ends it. */
const TYPING_SHOWN_MS = 8_000;
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 5_000;

/** "Ana está digitando…" under the last message of `log`; a lost "stopped" (the agent closed the tab)
 *  must not leave it forever, so it fades after a quiet while. */
export function agentTyping(log: HTMLElement, t: Texts, keepAtEnd: () => void) {
  const line = el('div', 'typing');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    clearTimeout(timer);
    line.remove();
  };
  const show = ({ on, name }: { on: boolean; name?: string | null }) => {
    if (!on) return hide();
    line.textContent = t.typing.replace('{name}', name?.trim() || t.agent);
    log.append(line);
    keepAtEnd();
    clearTimeout(timer);
    timer = setTimeout(hide, TYPING_SHOWN_MS);
  };
  /** The visitor wrote meanwhile: a line still shown goes back under the newest message. */
  const keepLast = () => {
    if (line.isConnected) log.append(line);
  };
  return { show, hide, keepLast };
}

/** The visitor's typing for the team: `signal(true)` at most every few seconds while keys are pressed,
 *  `signal(false)` after a pause, when the field is emptied or when the message goes (`stop`). */
export function visitorTyping(signal: (on: boolean) => void) {
  let lastAt = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(idle);
    if (lastAt) signal(false);
    lastAt = 0;
  };
  /** The field now holds `value`. */
  const typed = (value: string) => {
    if (!value.trim()) return stop();
    const now = Date.now();
    if (now - lastAt > TYPING_REPEAT_MS) {
      lastAt = now;
      signal(true);
    }
    clearTimeout(idle);
    idle = setTimeout(stop, TYPING_IDLE_MS);
  };
  return { typed, stop };
}
