import { describe, expect, it } from 'vitest';
import { contactLabel, formatDuration } from './format';

describe('inbox formatting', () => {
  it('labels a contact by name, then phone, then a fallback that tells unnamed contacts apart', () => {
    const unnamed = (ref: string) => `Contato ${ref}`;
    const id = '3f9a0c2e-7b1d-4c55-9e0a-12ab34cd56ef';
    expect(contactLabel({ id, name: ' Maria ', phone: '5511912345678' }, unnamed)).toBe('Maria');
    expect(contactLabel({ id, name: null, phone: '5511912345678' }, unnamed)).toBe('+55 11 91234-5678');
    expect(contactLabel({ id, name: '', phone: null }, unnamed)).toBe('Contato 3F9A');
    expect(contactLabel({ id: 'a1b2ffff-0000-4000-8000-000000000000', name: null, phone: null }, unnamed)).toBe('Contato A1B2');
  });
  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(3_780_000)).toBe('1 h 03 min');
  });
});
