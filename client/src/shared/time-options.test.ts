import { describe, expect, it } from 'vitest';
import { timeOptions } from './time-options';

describe('time options', () => {
  it('when the value is on a quarter hour, then the list is every quarter hour and 23:59', () => {
    const all = timeOptions('09:00');
    expect(all).toHaveLength(97);
    expect(all.slice(0, 3)).toEqual(['00:00', '00:15', '00:30']);
    expect(all.slice(-2)).toEqual(['23:45', '23:59']);
  });

  it('when the value is off the quarters, then it is offered in its place; a malformed one is not', () => {
    const all = timeOptions('08:50');
    expect(all.slice(all.indexOf('08:45'), all.indexOf('08:45') + 3)).toEqual(['08:45', '08:50', '09:00']);
    expect(timeOptions('25:00')).toHaveLength(97);
  });
});
