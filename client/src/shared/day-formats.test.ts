import { describe, expect, it } from 'vitest';
import { dayFormat, parseTypedDay } from './day-formats';

describe('parseTypedDay', () => {
  it('reads a Portuguese day first, whatever the browser', () => {
    expect(parseTypedDay('pt-BR', '06/12/2026')).toBe('2026-12-06');
    expect(parseTypedDay('pt-BR', '6/2/2027')).toBe('2027-02-06');
    expect(parseTypedDay('pt-BR', '31/01/26')).toBe('2026-01-31');
    expect(parseTypedDay('pt-BR', '6-2-2027')).toBe('2027-02-06');
  });

  it('reads an English month first, or the month by name', () => {
    expect(parseTypedDay('en', '12/06/2026')).toBe('2026-12-06');
    expect(parseTypedDay('en', 'Dec 6, 2026')).toBe('2026-12-06');
    expect(parseTypedDay('en-US', 'Feb 28 2027')).toBe('2027-02-28');
  });

  it('takes an ISO day in either language', () => {
    expect(parseTypedDay('pt-BR', '2026-12-06')).toBe('2026-12-06');
    expect(parseTypedDay('en', '2026-12-06')).toBe('2026-12-06');
  });

  it('refuses what is not a day in that order', () => {
    expect(parseTypedDay('pt-BR', '31/02/2026')).toBeNull();
    expect(parseTypedDay('en', '31/12/2026')).toBeNull();
    expect(parseTypedDay('pt-BR', 'amanhã')).toBeNull();
    expect(parseTypedDay('en', '')).toBeNull();
  });

  it('shows the day as each language writes it', () => {
    expect(dayFormat('pt-BR').shown).toBe('DD/MM/YYYY');
    expect(dayFormat('en').shown).toBe('MMM D, YYYY');
  });
});
