import { describe, expect, it, vi } from 'vitest';
import { shouldOfferNotifications, useAlertPrefs } from './alerts';

describe('inbox alerts', () => {
  it('when an agent never chose, then the tone is on and browser notifications wait for their click', () => {
    expect(useAlertPrefs.getInitialState()).toMatchObject({ sound: true, desktop: false });
  });

  it('when the browser can notify and was never asked, then notifications are offered until the agent turns them on or says not now', () => {
    const base = { supported: true, permission: 'default' as NotificationPermission, desktop: false, dismissed: false };
    expect(shouldOfferNotifications(base)).toBe(true);
    expect(shouldOfferNotifications({ ...base, supported: false })).toBe(false);
    expect(shouldOfferNotifications({ ...base, permission: 'denied' })).toBe(false);
    expect(shouldOfferNotifications({ ...base, permission: 'granted', desktop: true })).toBe(false);
    expect(shouldOfferNotifications({ ...base, dismissed: true })).toBe(false);
    // Granted in another tab but off here: the alerts menu's switch turns them on without a prompt.
    expect(shouldOfferNotifications({ ...base, permission: 'granted' })).toBe(false);
  });
});

describe('the alert tone', () => {
  it('when a chat was handed over before the agent first clicked, then its assignment just after the click still sounds, once', async () => {
    const activation = { hasBeenActive: false };
    let tones = 0;
    class FakeAudio {
      state = 'running';
      currentTime = 0;
      destination = {};
      createOscillator() {
        tones += 0.5; // two beeps per tone
        return { frequency: {}, connect: (n: unknown) => n, start() {}, stop() {} };
      }
      createGain() {
        return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (n: unknown) => n };
      }
    }
    vi.stubGlobal('navigator', { userActivation: activation });
    vi.stubGlobal('AudioContext', FakeAudio);
    vi.resetModules();
    const { alertAgent } = await import('./alerts');
    try {
      alertAgent('chat-1', 'Transferred', '', () => undefined);
      expect(tones).toBe(0); // the browser would not play it yet
      activation.hasBeenActive = true;
      alertAgent('chat-1', 'Assigned', '', () => undefined);
      expect(tones).toBe(1);
      // Its automatic assignment a moment later is the same news: no second tone.
      alertAgent('chat-1', 'Assigned', '', () => undefined);
      expect(tones).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
