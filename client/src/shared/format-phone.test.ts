import { describe, expect, it } from 'vitest';
import { formatPhone } from './format-phone';

describe('formatPhone', () => {
  it('formats Brazilian mobile and landline numbers, stored with or without their +', () => {
    expect(formatPhone('5511912345678')).toBe('+55 11 91234-5678');
    expect(formatPhone('+5581998765432')).toBe('+55 81 99876-5432');
    expect(formatPhone('551133334444')).toBe('+55 11 3333-4444');
  });

  it('writes other numbers with a leading + only', () => {
    expect(formatPhone('14155550100')).toBe('+14155550100');
    expect(formatPhone('+447700900123')).toBe('+447700900123');
  });
});
