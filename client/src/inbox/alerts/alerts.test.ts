import { describe, expect, it } from 'vitest';
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
