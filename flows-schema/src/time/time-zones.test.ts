import { describe, expect, it } from 'vitest';
import { localClock } from './local-clock';
import { canonicalTimeZone, isValidTimeZone, TIME_ZONE_IDS, timeZoneLabel } from './time-zones';

describe('time zones', () => {
  it('when each listed zone is read, then the runtime knows it (a typo would throw)', () => {
    for (const zone of TIME_ZONE_IDS) expect(() => localClock(new Date('2026-12-02T12:00:00Z'), zone), zone).not.toThrow();
  });

  it('when a zone is named, then listed zones read in the locale and others keep their id', () => {
    expect(TIME_ZONE_IDS[0]).toBe('America/Sao_Paulo');
    expect(timeZoneLabel('Europe/Lisbon', 'pt-BR')).toBe('Portugal (Lisboa)');
    expect(timeZoneLabel('Europe/Lisbon', 'en')).toBe('Portugal (Lisbon)');
    expect(timeZoneLabel('Asia/Tokyo', 'pt-BR')).toBe('Asia/Tokyo');
    expect(timeZoneLabel('toString', 'en')).toBe('toString');
  });

  it('when a zone id is checked, then the runtime decides (any IANA id, not only the listed ones)', () => {
    expect(isValidTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('when a zone is named by an old alias or in another letter case, then its canonical id is the zone it stands for', () => {
    expect(canonicalTimeZone('US/Pacific-New')).toBe('America/Los_Angeles');
    expect(canonicalTimeZone('america/sao_paulo')).toBe('America/Sao_Paulo');
    expect(canonicalTimeZone('utc')).toBe('UTC');
  });
});
