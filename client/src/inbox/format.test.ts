import { describe, expect, it } from 'vitest';
import { contactLabel, formatDuration, formatPhone } from './format';

describe('inbox formatting', () => {
  it('formats Brazilian mobile and landline numbers', () => {
    expect(formatPhone('5511912345678')).toBe('+55 11 91234-5678');
    expect(formatPhone('551133334444')).toBe('+55 11 3333-4444');
    expect(formatPhone('14155550100')).toBe('+14155550100');
  });
  it('labels a contact by name, then phone, then a fallback', () => {
    expect(contactLabel({ name: ' Maria ', phone: '5511912345678' }, '?')).toBe('Maria');
    expect(contactLabel({ name: null, phone: '5511912345678' }, '?')).toBe('+55 11 91234-5678');
    expect(contactLabel({ name: '', phone: null }, 'Visitante')).toBe('Visitante');
  });
  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(3_780_000)).toBe('1 h 03 min');
  });
});
