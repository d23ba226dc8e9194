import { describe, expect, it } from 'vitest';
import { slugify, toFlowSummary } from './flows.view';

describe('flows view', () => {
  it('when a name has accents, spaces and symbols, then the slug is plain ascii words joined by dashes', () => {
    expect(slugify('Promoção de Natal!')).toBe('promocao-de-natal');
    expect(slugify('  --Olá,  Mundo 2026--  ')).toBe('ola-mundo-2026');
  });

  it('when a name has no usable character, then the slug falls back to "flow"', () => {
    expect(slugify('🎉🎉')).toBe('flow');
    expect(slugify('"; rm -rf')).toBe('rm-rf');
  });

  it('when a slug would be very long, then it is cut without a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(59)} b`);
    expect(slug).toBe('a'.repeat(59));
  });

  it('when the trigger keywords hold non-strings, then only the strings are listed', () => {
    const at = new Date();
    const summary = toFlowSummary({
      id: 'f', name: 'F', revision: 3, published_version_id: 'v', published_version: 2, has_unpublished_changes: true, created_at: at, updated_at: at,
      trigger_keywords: ['oi', 7, null, 'menu'],
    });
    expect(summary).toMatchObject({ status: 'published', publishedVersion: 2, hasUnpublishedChanges: true, triggerKeywords: ['oi', 'menu'] });
  });
});
