import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { ApiError } from './errors';
import { errorKey, errorText } from './error-text';

const t = ((key: string) => `«${key}»`) as unknown as TFunction;

describe('errorText', () => {
  it('words a code the screen knows before the common words, and never shows the server message', () => {
    const conflict = new ApiError(409, 'conflict', 'A team named "Vendas" already exists');
    expect(errorText(t, conflict, { conflict: 'teams.duplicate' })).toBe('«teams.duplicate»');
    expect(errorText(t, conflict)).toBe('«errors.unexpected»');
    expect(errorText(t, conflict, {}, 'teams.saveFailed')).toBe('«teams.saveFailed»');
  });

  it('words the codes every screen shares, and anything not from the API falls back', () => {
    expect(errorKey(new ApiError(503, 'unavailable', 'WhatsApp did not answer: fetch failed'))).toBe('errors.unavailable');
    expect(errorKey(new ApiError(0, 'network_error', 'Failed to fetch'))).toBe('errors.network');
    expect(errorKey(new ApiError(503, 'unavailable', 'x'), { unavailable: 'templates.unreachable' })).toBe('templates.unreachable');
    expect(errorKey(new Error('boom'))).toBeNull();
  });
});

describe('a workspace cap in words', () => {
  const capped = new ApiError(409, 'limit_reached', 'This workspace already keeps 20 webhook endpoints', { resource: 'webhookEndpoints', limit: 20 });

  it.each([
    ['en', 'This workspace already has 20 webhook endpoints, the most it can keep. Delete one it no longer uses, then try again.'],
    ['pt-BR', 'Este espaço de trabalho já tem 20 endpoints de webhook, o máximo permitido. Exclua o que não usa mais e tente de novo.'],
  ])('when a workspace keeps the most it may, then %s names the kind and the number', async (lng, text) => {
    await i18n.changeLanguage(lng);
    expect(errorText(i18n.t, capped, { conflict: 'teams.duplicate' })).toBe(text);
  });

  it('when every kind the server caps is refused, then each has its words in both languages', async () => {
    for (const lng of ['en', 'pt-BR']) {
      await i18n.changeLanguage(lng);
      for (const resource of Object.keys(en.workspaceCaps)) {
        const said = errorText(i18n.t, new ApiError(409, 'limit_reached', '', { resource, limit: 5 }));
        expect(said, `${lng} ${resource}`).not.toMatch(/workspaceCaps|\$t|\{\{/);
      }
    }
  });
});
