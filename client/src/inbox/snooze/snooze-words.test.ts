import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { snoozeLabel } from './snooze-words';

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
});
