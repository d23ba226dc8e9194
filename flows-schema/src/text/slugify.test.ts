import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it('when a name has accents, spaces and symbols, then the slug is plain ascii words joined by dashes', () => {
    expect(slugify('Promoção de Natal!')).toBe('promocao-de-natal');
    expect(slugify('  --Olá,  Mundo 2026--  ')).toBe('ola-mundo-2026');
  });

  it('when a name has no usable character, then the slug falls back to "flow"', () => {
    expect(slugify('🎉🎉')).toBe('flow');
    expect(slugify('"; rm -rf')).toBe('rm-rf');
  });

  it('when a slug would be very long, then it is cut to 60 characters without a trailing dash', () => {
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
    expect(slugify('x'.repeat(80))).toBe('x'.repeat(60));
  });
});
