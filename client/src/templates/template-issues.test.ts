import { templateDefinition } from '@zyntra/flows-schema';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { emptyDraft, toDefinition } from './template-draft';
import { templateIssueTexts } from './template-issues';

const issuesOf = (name: string, body: string) => templateDefinition.safeParse(toDefinition({ ...emptyDraft(), name, body })).error?.issues ?? [];

describe('templateIssueTexts', () => {
  it('when the name is longer than Meta takes, then the problem is worded in Portuguese with the limit, beside the rules flows-schema words', async () => {
    await i18n.changeLanguage('pt-BR');
    const texts = templateIssueTexts(i18n.t, issuesOf('a'.repeat(513), 'x'.repeat(1025)));
    expect(texts).toEqual(['No máximo 512 caracteres.', 'No máximo 1024 caracteres']);
  });

  it('when the same problem comes twice, then it is listed once, and no zod English is left', async () => {
    await i18n.changeLanguage('en');
    const texts = templateIssueTexts(i18n.t, issuesOf('', ''));
    expect(texts.join(' ')).not.toMatch(/expected|Too (big|small)/);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
