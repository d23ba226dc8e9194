import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import ptBR from './pt-BR.json';
import { zeroTakesPlural } from './zero-plural';

const portuguese = async (tree: Record<string, unknown>) => {
  const i18n = createInstance();
  await i18n.init({ lng: 'pt-BR', resources: { 'pt-BR': { translation: tree } } });
  return i18n.t.bind(i18n) as (key: string, options: { count: number }) => string;
};

describe('zeroTakesPlural', () => {
  it('writes a count of 0 in the plural in Portuguese, and 1 in the singular', async () => {
    const plain = await portuguese(ptBR);
    expect(plain('reports.csat.greatHint', { count: 0 })).toBe('0 resposta');
    const t = await portuguese(zeroTakesPlural(ptBR));
    expect(t('reports.csat.greatHint', { count: 0 })).toBe('0 respostas');
    expect(t('reports.csat.sentHint', { count: 0 })).toBe('de 0 pesquisas enviadas');
    expect(t('reports.csat.greatHint', { count: 1 })).toBe('1 resposta');
    expect(t('reports.csat.greatHint', { count: 2 })).toBe('2 respostas');
  });

  it('keeps a zero text of its own', async () => {
    const t = await portuguese(zeroTakesPlural({ n_one: '{{count}} conversa', n_other: '{{count}} conversas', n_zero: 'Nenhuma conversa' }));
    expect(t('n', { count: 0 })).toBe('Nenhuma conversa');
  });
});
