import { describe, expect, it } from 'vitest';
import { timeLabel } from './times';

// Local dates: the label is in the visitor's own time zone, whatever the machine's.
const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();
const now = new Date(2026, 11, 6, 18, 30);

describe('web-chat message times', () => {
  it("shows today's messages as HH:mm in both languages, 24-hour", () => {
    expect(timeLabel(at(2026, 12, 6, 9, 5), 'pt-BR', now)).toBe('09:05');
    expect(timeLabel(at(2026, 12, 6, 14, 5), 'en', now)).toBe('14:05');
  });

  it("adds the date in the channel's language to an older message, and the year to last year's", () => {
    expect(timeLabel(at(2026, 12, 5, 14, 5), 'pt-BR', now)).toBe('5 de dez., 14:05');
    expect(timeLabel(at(2026, 12, 5, 14, 5), 'en', now)).toBe('Dec 5, 14:05');
    expect(timeLabel(at(2025, 12, 31, 23, 59), 'en', now)).toBe('Dec 31, 2025, 23:59');
  });

  it('shows nothing for a time it cannot read', () => {
    expect(timeLabel('', 'en', now)).toBe('');
  });
});
