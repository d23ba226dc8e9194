// Alerts for a chat handed to people or assigned to the agent, or a customer writing in one of the
// agent's chats: a short tone and a browser notification. The tone is on unless the agent turned it
// off (a new agent missed waiting chats in silence); browser notifications wait until the agent
// turns them on, and the browser's permission is asked only on that click.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createChatGate, leadsAlerts } from './alert-tab';

interface AlertPrefs {
  sound: boolean;
  desktop: boolean;
  setSound(on: boolean): void;
  setDesktop(on: boolean): void;
}

export const useAlertPrefs = create<AlertPrefs>()(
  persist(
    (set) => ({
      // The default only: a choice the agent saved (any switch touched) is read back as it was.
      sound: true,
      desktop: false,
      setSound: (sound) => set({ sound }),
      setDesktop: (desktop) => set({ desktop }),
    }),
    { name: 'zyntra.inbox.alerts', partialize: ({ sound, desktop }) => ({ sound, desktop }) as AlertPrefs },
  ),
);

export const notificationsSupported = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * Whether to offer browser notifications (NotificationOffer): the browser can show them and has
 * never been asked, the agent has them off, and did not say "not now".
 */
export const shouldOfferNotifications = (o: { supported: boolean; permission: NotificationPermission | null; desktop: boolean; dismissed: boolean }) =>
  o.supported && o.permission === 'default' && !o.desktop && !o.dismissed;

/** Asks the browser once; true when notifications may be shown. */
export async function askNotificationPermission(): Promise<boolean> {
  if (!notificationsSupported()) return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}

let audio: AudioContext | null = null;

/**
 * Browsers let a page make sound only once the user has clicked, tapped or typed in it. Before
 * that a tone is skipped (the list, the badges and the tab's title still show the chat) and no
 * AudioContext is made: the browser would only warn that it may not start.
 */
let touched = false;
const mayPlay = () => touched || (typeof navigator !== 'undefined' && navigator.userActivation?.hasBeenActive === true);
if (typeof window !== 'undefined') {
  const touch = () => {
    touched = true;
    if (audio?.state === 'suspended') audio.resume().catch(() => undefined);
  };
  for (const type of ['pointerdown', 'keydown'] as const) window.addEventListener(type, touch, { capture: true, passive: true });
}

/** Two soft beeps, generated (no sound file to load); false when the browser may not play it yet. */
export function playTone(): boolean {
  if (!mayPlay()) return false;
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') audio.resume().catch(() => undefined);
    const ctx = audio;
    [0, 0.18].forEach((offset) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, ctx.currentTime + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + offset + 0.15);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + offset);
      osc.stop(ctx.currentTime + offset + 0.16);
    });
  } catch {
    // No audio output: the list still shows the chat.
  }
  return true;
}

const chatGate = createChatGate(1500);

/**
 * The tone as chosen; the notification only while the tab is hidden (in sight, the list shows the
 * chat). One of the agent's open tabs alerts (alert-tab.ts), once for a chat's transfer and its
 * automatic assignment; a newer notification about a chat replaces the older one.
 */
export function alertAgent(chatId: string, title: string, body: string, onClick: () => void): void {
  if (!leadsAlerts()) return;
  const prefs = useAlertPrefs.getState();
  // A tone the browser would not play yet (before the agent's first click) is not counted: the same
  // chat given to them a moment after that click still sounds.
  if (prefs.sound && mayPlay() && chatGate(chatId, performance.now()) === 'first') playTone();
  if (prefs.desktop && notificationsSupported() && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
    const n = new Notification(title, { body, tag: `zyntra-chat-${chatId}` });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  }
}
