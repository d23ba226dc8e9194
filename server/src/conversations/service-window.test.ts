import { describe, expect, it } from 'vitest';
import { isWindowOpen, windowClosesAt } from './service-window';

describe('service window', () => {
  const created = '2026-11-01T00:00:00.000Z';
  it('when the channel is WhatsApp Cloud, then the window closes 24 h after the last customer message', () => {
    expect(windowClosesAt('whatsapp_cloud', '2026-11-30T10:00:00.000Z', created)?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });
  it('when the customer never wrote, then the window is already closed', () => {
    const closes = windowClosesAt('whatsapp_cloud', null, created);
    expect(closes?.toISOString()).toBe(created);
    expect(isWindowOpen(closes, new Date('2026-11-02T00:00:00.000Z'))).toBe(false);
  });
  it('when the channel has no window, then there is none and sending is always open', () => {
    for (const type of ['webchat', 'evolution']) {
      expect(windowClosesAt(type, null, created)).toBeNull();
      expect(isWindowOpen(windowClosesAt(type, null, created), new Date())).toBe(true);
    }
  });
  it('when the last message is 23 h 59 min old, then the window is open; at 24 h it is closed', () => {
    const last = new Date('2026-11-30T10:00:00.000Z');
    const closes = windowClosesAt('whatsapp_cloud', last, created);
    expect(isWindowOpen(closes, new Date(last.getTime() + (24 * 60 - 1) * 60_000))).toBe(true);
    expect(isWindowOpen(closes, new Date(last.getTime() + 24 * 60 * 60_000))).toBe(false);
  });
});
