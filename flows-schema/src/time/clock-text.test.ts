import { describe, expect, it } from 'vitest';
import { clockText } from './clock-text';

describe('clockText', () => {
  it('when the editor speaks Portuguese, then times are 24-hour as stored', () => {
    expect(['00:00', '08:05', '18:30', '23:59'].map((t) => clockText(t, 'pt-BR'))).toEqual(['00:00', '08:05', '18:30', '23:59']);
  });

  it('when it speaks English, then times are 12-hour, whole hours without minutes', () => {
    expect(['00:00', '00:30', '08:05', '12:00', '18:30', '23:59'].map((t) => clockText(t, 'en'))).toEqual(['12 AM', '12:30 AM', '8:05 AM', '12 PM', '6:30 PM', '11:59 PM']);
  });
});
