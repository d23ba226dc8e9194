import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import en from '../../i18n/en.json';
import ptBR from '../../i18n/pt-BR.json';
import { failureCode, failureReason, KNOWN_FAILURES } from './failure-reason';

await i18n.init({ resources: { en: { translation: en }, 'pt-BR': { translation: ptBR } }, lng: 'pt-BR', interpolation: { escapeValue: false } });

describe('failure reasons', () => {
  it('reads the code from "<code>: <provider text>"', () => {
    expect(failureCode('131047: Re-engagement message')).toBe('131047');
    expect(failureCode('network')).toBe('network');
    expect(failureCode(null)).toBeNull();
  });
  it('says known failures in plain words in each language', async () => {
    expect(failureReason(i18n.t, { error: '131047: Re-engagement message' })).toMatch(/24 horas/);
    await i18n.changeLanguage('en');
    expect(failureReason(i18n.t, { error: '131047: Re-engagement message' })).toMatch(/24 hours/);
  });
  it('falls back to the server text, then the provider text', async () => {
    await i18n.changeLanguage('en');
    expect(failureReason(i18n.t, { error: '999: Weird: thing', errorText: 'Something odd' })).toBe('Not delivered: Something odd');
    expect(failureReason(i18n.t, { error: '999: Weird: thing' })).toBe('Not delivered: Weird: thing');
    expect(failureReason(i18n.t, { error: null })).toBe('Not delivered (no reason given).');
  });
  it('has a sentence for every known code in both languages', () => {
    for (const code of KNOWN_FAILURES) {
      expect((en.inbox.failures as Record<string, string>)[code], code).toBeTruthy();
      expect((ptBR.inbox.failures as Record<string, string>)[code], code).toBeTruthy();
    }
  });
});
