import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { snoozeLabel } from './snooze-words';
import { presetClock, presetTime } from './snooze-time';

const at = (d: number, h: number, min = 0) => new Date(2026, 11, d, h, min);
const now = at(6, 15); // Sunday 6 December 2026, 15:00

describe('until when a chat is snoozed, in words', () => {
  it('says it in Portuguese as a Brazilian agent would', async () => {
    const t = i18n.getFixedT('pt-BR');
    expect(snoozeLabel(t, at(6, 16), 'pt-BR', now)).toBe('hoje, 16:00');
    expect(snoozeLabel(t, at(7, 9), 'pt-BR', now)).toBe('amanhã, 09:00');
    expect(snoozeLabel(t, at(10, 9), 'pt-BR', now)).toBe('quinta, 09:00');
    expect(snoozeLabel(t, at(20, 9), 'pt-BR', now)).toBe('20/12, 09:00');
  });
  it('and in English', () => {
    const t = i18n.getFixedT('en');
    expect(snoozeLabel(t, at(7, 9), 'en', now)).toBe('tomorrow, 9:00 AM');
    expect(snoozeLabel(t, at(8, 9), 'en', now)).toBe('Tuesday, 9:00 AM');
  });

  it('the menu and the shortcuts name the presets\' time as the banner then says it: "9:00 AM" in English, "09:00" in Portuguese', () => {
    for (const [lang, tomorrow, monday, shortcut, banner] of [
      ['en', 'Until tomorrow, 9:00 AM', 'Until Monday, 9:00 AM', 'Snooze until tomorrow, 9:00 AM', 'tomorrow, 9:00 AM'],
      ['pt-BR', 'Até amanhã, 09:00', 'Até segunda, 09:00', 'Adiar até amanhã, 09:00', 'amanhã, 09:00'],
    ] as const) {
      const t = i18n.getFixedT(lang);
      const time = presetClock(lang);
      expect([t('inbox.snooze.tomorrow', { time }), t('inbox.snooze.monday', { time }), t('inbox.shortcuts.snooze', { time })], lang).toEqual([tomorrow, monday, shortcut]);
      // Snoozed with the preset, the banner's words end the same way.
      expect(snoozeLabel(t, presetTime('tomorrow', now), lang, now), lang).toBe(banner);
      expect(tomorrow.endsWith(banner.split(', ')[1]!), lang).toBe(true);
    }
  });
});
