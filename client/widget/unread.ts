// Replies the visitor has not seen yet: a count on the launcher, and the newest message they had in
// front of them, kept so that a reply while they read another page of the site still counts there.
import { el } from './dom';
import type { Texts } from './texts';

/** The newest message the visitor had in front of them (its createdAt). */
const seenKey = (channelId: string) => `zyntra.webchat.${channelId}.seen`;

export function seenMark(channelId: string) {
  let until = localStorage.getItem(seenKey(channelId)) ?? '';
  return {
    /** '' when this browser never had the chat open. */
    until: () => until,
    mark(createdAt: string) {
      if (createdAt <= until) return;
      until = createdAt;
      localStorage.setItem(seenKey(channelId), createdAt);
    },
  };
}

/** The launcher's badge; the count is in its name too ("Abrir chat, 2 mensagens novas"): its label hides the badge. */
export function unreadBadge(launcher: HTMLElement, t: Texts, isOpen: () => boolean) {
  const badge = el('span', 'unread');
  badge.setAttribute('aria-hidden', 'true');
  launcher.append(badge);
  const set = (count: number) => {
    badge.textContent = count ? String(count) : '';
    const news = count === 1 ? t.unreadOne : t.unreadMany.replace('{count}', String(count));
    launcher.setAttribute('aria-label', isOpen() ? t.close : count ? `${t.open}, ${news}` : t.open);
  };
  return { set, add: () => set(Number(badge.textContent || 0) + 1) };
}
