// Zyntra web-chat widget: one script tag on any site
//   <script src="https://zyntra.example.com/widget.js" data-channel="<channel id>" async></script>
// (optional: data-visitor-name="<the site's name for its signed-in visitor>", data-bottom="<px above the page's foot>")
// Visitors chat with the published bot (and later with agents); the conversation survives reloads.
import { agentNameOf, connectWebchat, fetchAppearance, hasSavedVisitor, newClientMessageId, type Appearance, type ChatItem, type WebchatApi } from './api';
import { bubbleNode, mediaNode, type Media } from './bubbles';
import { el } from './dom';
import { phoneFocusTrap } from './focus-trap';
import { STYLES } from './styles';
import { TEXT } from './texts';
import { timeNode } from './times';
import { agentTyping, visitorTyping } from './typing';
import { seenMark, unreadBadge } from './unread';
import { followViewport, isPhone } from './viewport';

/** The longest message the server takes (visitorMessageBody): the field stops there instead of a send that fails on every retry. */
const MAX_TEXT = 4096;

/** The visitor closed the panel: it stays closed on the site's next pages until they open it. */
const closedKey = (channelId: string) => `zyntra.webchat.${channelId}.closed`;

// The channel decides how the widget speaks and looks (Settings → Channels), not the visitor's
// browser: a Brazilian shop's widget stays in Portuguese for a visitor browsing in English.
async function mount(script: HTMLScriptElement) {
  const channelId = script.dataset.channel;
  if (!channelId) return console.warn('[zyntra] widget.js needs data-channel');
  const origin = new URL(script.src).origin;
  let look: Appearance;
  try {
    look = await fetchAppearance(origin, channelId);
  } catch {
    return console.warn('[zyntra] web-chat channel not found');
  }
  const t = TEXT[look.language];
  const host = document.createElement('div');
  host.id = 'zyntra-webchat';
  // The widget speaks the channel's language whatever the page's: screen readers pronounce it so.
  host.lang = look.language;
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  root.appendChild(Object.assign(document.createElement('style'), { textContent: STYLES }));
  host.style.setProperty('--zy-accent', look.color);
  // data-bottom="90": the launcher stands that many pixels above the foot of the page, over the site's own
  // fixed bar there (a cookie notice) instead of on its buttons.
  const bottom = Number(script.dataset.bottom);
  if (script.dataset.bottom && Number.isFinite(bottom) && bottom >= 0) host.style.setProperty('--zy-bottom', `${Math.min(bottom, 400)}px`);
  const launcher = el('button', 'launcher');
  // An inline icon: emoji fonts are not everywhere, an SVG renders the same on every system.
  launcher.innerHTML =
    '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 8.7 8.7 0 0 1-3.8-.9L3 21l1.9-5.2A8.4 8.4 0 1 1 21 11.5z"/></svg>';
  launcher.setAttribute('aria-label', t.open);
  launcher.setAttribute('aria-expanded', 'false');
  const title = script.dataset.title ?? look.title ?? t.title;
  const panel = el('div', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  const log = el('div', 'log');
  // New messages are read out by screen readers as they arrive.
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  const form = el('form', '');
  const input = Object.assign(el('input', ''), { placeholder: t.placeholder, maxLength: MAX_TEXT, autocomplete: 'off', enterKeyHint: 'send' });
  input.setAttribute('aria-label', t.placeholder);
  form.append(input, el('button', 'send', t.send));
  const header = el('div', 'header');
  const closer = Object.assign(el('button', 'close', '×'), { type: 'button' });
  closer.setAttribute('aria-label', t.close);
  header.append(el('span', 'title', title), closer);
  panel.append(header, log, form);
  root.append(launcher, panel);

  let ready: Promise<WebchatApi> | null = null;
  const seen = new Set<string>();
  // Read to the end: a picture that finishes loading keeps the newest line in view (it grows the log after the scroll).
  // Only the reader scrolling up leaves the end: the scroll event of our own jump to the end can arrive after a
  // picture already grew the log, and must not read as the reader having moved away.
  let atEnd = true;
  let lastTop = 0;
  log.onscroll = () => {
    const nearEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    if (log.scrollTop < lastTop) atEnd = nearEnd;
    else if (nearEnd) atEnd = true;
    lastTop = log.scrollTop;
  };
  const keepAtEnd = () => {
    if (atEnd) log.scrollTop = log.scrollHeight;
  };
  // The visitor's own bubbles, shown before the server stored them: the stored copy (read back after a
  // reconnect) takes the bubble over instead of showing the message twice.
  const mine: HTMLElement[] = [];
  const unread = unreadBadge(launcher, t, () => panel.classList.contains('open'));
  const lastSeen = seenMark(channelId);
  let newest = '';
  const agentTypes = agentTyping(log, t, keepAtEnd);
  // `live`: pushed just now. A message read back from the history counts as unread only when it is newer
  // than what the visitor last had in front of them (a reply that came while they were on another page).
  const render = (item: ChatItem, live = false) => {
    if (seen.has(item.id)) return;
    seen.add(item.id);
    if (item.createdAt > newest) newest = item.createdAt;
    if (panel.classList.contains('open')) lastSeen.mark(item.createdAt);
    if (item.direction === 'out') agentTypes.hide();
    const shown = item.direction === 'in' ? mine.findIndex((b) => b.textContent === item.text) : -1;
    if (shown >= 0) {
      mine.splice(shown, 1);
      return;
    }
    // A reply while the panel is closed: the launcher counts it.
    if (item.direction === 'out' && !panel.classList.contains('open') && (live || (lastSeen.until() !== '' && item.createdAt > lastSeen.until()))) unread.add();
    log.querySelector('.empty')?.remove();
    log.querySelector('.choices')?.remove();
    // A person's reply looks like a person wrote it: their name above a bubble of its own colour.
    const agent = agentNameOf(item);
    const media = item.payload?.media?.url && /^https?:\/\//i.test(item.payload.media.url) ? mediaNode(item.payload.media as Media, t.file) : null;
    if (agent !== null && (item.text || media)) log.append(el('div', 'who', agent || t.agent));
    if (media) {
      media.addEventListener('load', keepAtEnd, true);
      media.addEventListener('loadedmetadata', keepAtEnd, true);
      log.append(Object.assign(media, { className: `${media.className} ${item.direction}` }));
    }
    if (item.text) {
      const bubble = bubbleNode(`bubble ${item.direction}${agent !== null ? ' agent' : ''}`, item.text);
      // A reply that answers a particular message quotes its first words, as WhatsApp does.
      const quoted = item.payload?.context?.text;
      if (typeof quoted === 'string' && quoted) bubble.prepend(el('div', 'quote', quoted));
      log.append(bubble);
    }
    // Its time under it, read after the message (what was said, then when: after a reload, a reply from yesterday says so).
    const when = item.text || media ? timeNode(item.createdAt, look.language, item.direction) : null;
    if (when) log.append(when);
    const options = item.payload?.buttons?.length ? item.payload.buttons : (item.payload?.list?.rows ?? []);
    if (item.direction === 'out' && options.length) {
      const choices = el('div', 'choices');
      for (const o of options) {
        const b = el('button', 'choice', o.title);
        b.onclick = () => {
          // The buttons go with the answer: the focus goes on to the field rather than off the page (on a
          // phone it stays off it, the keyboard would cover the answer).
          if (!isPhone()) input.focus();
          void send(o.title, o.id);
        };
        choices.append(b);
      }
      log.append(choices);
    }
    log.scrollTop = log.scrollHeight;
  };
  // A closed chat says so under its last message; the line stays as a divider once the visitor writes again.
  const showClosed = () => {
    if (log.lastElementChild?.classList.contains('closed')) return;
    log.querySelector('.choices')?.remove();
    log.append(el('div', 'closed', t.closed));
    log.scrollTop = log.scrollHeight;
  };
  const show = ({ items, closed }: { items: ChatItem[]; closed: boolean }) => {
    items.forEach((item) => render(item));
    if (closed && items.length) showClosed();
  };
  // One connection per page; a message typed while it is still opening waits for it.
  const start = () =>
    (ready ??= (async () => {
      const chat = await connectWebchat(origin, channelId, script.dataset.visitorName);
      chat.onMessage((item) => render(item, true));
      chat.onClosed(showClosed);
      chat.onTyping(agentTypes.show);
      // A reply pushed before the socket joined (or while it was away) is read back; render skips repeats.
      chat.onConnect(() => void chat.history().then(show, () => undefined));
      const got = await chat.history();
      if (!got.items.length && !log.querySelector('.bubble')) log.append(el('div', 'empty', t.empty));
      show(got);
      return chat;
    })());
  // Sent from a train going through a tunnel: a message that did not go says so and goes again on a tap
  // (with the same id, so one that did arrive is not stored twice).
  const deliver = async (bubble: HTMLElement, text: string, replyId: string | undefined, id: string) => {
    bubble.classList.remove('failed');
    // "Não enviada" goes under the bubble's time.
    const under = bubble.nextElementSibling?.classList.contains('time') ? bubble.nextElementSibling : bubble;
    if (under.nextElementSibling?.classList.contains('retry')) under.nextElementSibling.remove();
    const failed = () => {
      bubble.classList.add('failed');
      const retry = el('button', 'retry', t.notSent);
      retry.onclick = () => void deliver(bubble, text, replyId, id);
      under.after(retry);
    };
    let chat: WebchatApi;
    try {
      chat = await start();
    } catch {
      ready = null; // offline at the very first message: the connection is opened again on the retry
      return failed();
    }
    await chat.send(text, replyId, id).catch(failed);
  };
  const send = async (text: string, replyId?: string) => {
    if (!text.trim()) return;
    log.querySelector('.empty')?.remove();
    log.querySelector('.choices')?.remove();
    const bubble = bubbleNode('bubble in', text);
    mine.push(bubble);
    log.append(bubble);
    const when = timeNode(new Date().toISOString(), look.language, 'in');
    if (when) log.append(when);
    agentTypes.keepLast();
    log.scrollTop = log.scrollHeight;
    await deliver(bubble, text, replyId, newClientMessageId());
  };
  followViewport(host);
  const trap = phoneFocusTrap(panel, root, () => setOpen(false));
  const setOpen = (open: boolean) => {
    panel.classList.toggle('open', open);
    trap.set(open);
    launcher.classList.toggle('covered', open);
    launcher.setAttribute('aria-expanded', String(open));
    if (open) localStorage.removeItem(closedKey(channelId));
    else localStorage.setItem(closedKey(channelId), '1');
    if (open) {
      if (newest) lastSeen.mark(newest);
      unread.set(0);
      // On a phone the field taking the focus would raise the keyboard over the chat before it is read.
      if (isPhone()) closer.focus();
      void start().then(() => {
        if (!isPhone()) input.focus();
      });
    } else {
      unread.set(0);
      launcher.focus();
    }
  };
  launcher.onclick = () => setOpen(!panel.classList.contains('open'));
  closer.onclick = () => setOpen(false);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') setOpen(false);
  });
  // The team sees the visitor typing, only once the chat is connected (typing alone starts nothing).
  const visitorTypes = visitorTyping((on) => void ready?.then((chat) => chat.typing(on), () => undefined));
  input.oninput = () => visitorTypes.typed(input.value);
  form.onsubmit = (e) => {
    e.preventDefault();
    const text = input.value;
    input.value = '';
    visitorTypes.stop();
    void send(text);
  };
  // Reopen automatically after a reload when the visitor already has a conversation, unless they closed
  // it; not on a phone, where the open panel covers the page they came to read (the launcher counts replies).
  if (hasSavedVisitor(channelId) && !localStorage.getItem(closedKey(channelId)) && !isPhone()) {
    panel.classList.add('open');
    trap.set(true);
    launcher.classList.add('covered');
    launcher.setAttribute('aria-expanded', 'true');
    unread.set(0);
  }
  // A chat under way connects even with the panel closed: a reply from the team counts on the launcher.
  if (hasSavedVisitor(channelId)) {
    void start().catch(() => {
      ready = null;
    });
  }
}

const current = document.currentScript as HTMLScriptElement | null;
if (current) {
  if (document.body) void mount(current);
  else document.addEventListener('DOMContentLoaded', () => void mount(current));
}
