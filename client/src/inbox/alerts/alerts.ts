// Optional alerts for a chat handed to people, or a customer writing in one of the agent's chats:
// a short tone and a browser notification. Both are off until the agent turns them on (the
// browser's permission is asked only then).
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface AlertPrefs {
  sound: boolean;
  desktop: boolean;
  setSound(on: boolean): void;
  setDesktop(on: boolean): void;
}

export const useAlertPrefs = create<AlertPrefs>()(
  persist(
    (set) => ({
      sound: false,
      desktop: false,
      setSound: (sound) => set({ sound }),
      setDesktop: (desktop) => set({ desktop }),
    }),
    { name: 'zyntra.inbox.alerts', partialize: ({ sound, desktop }) => ({ sound, desktop }) as AlertPrefs },
  ),
);

export const notificationsSupported = () => typeof window !== 'undefined' && 'Notification' in window;

/** Asks the browser once; true when notifications may be shown. */
export async function askNotificationPermission(): Promise<boolean> {
  if (!notificationsSupported()) return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}

let audio: AudioContext | null = null;

/** Two soft beeps, generated (no sound file to load). */
export function playTone(): void {
  try {
    audio ??= new AudioContext();
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
}

/**
 * The tone as chosen; the notification only while the tab is hidden (in sight, the list shows the
 * chat). One `tag` per kind of alert (and chat): a newer notification replaces the older one.
 */
export function alertAgent(title: string, body: string, tag: string, onClick: () => void): void {
  const prefs = useAlertPrefs.getState();
  if (prefs.sound) playTone();
  if (prefs.desktop && notificationsSupported() && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  }
}
