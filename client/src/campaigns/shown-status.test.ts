import { describe, expect, it } from 'vitest';
import { shownStatus } from './shown-status';

const HOURS = { window: { start: '09:00', end: '20:00' }, timeZone: 'America/Sao_Paulo' };
// 21:30 and 10:00 in São Paulo.
const NIGHT = new Date('2026-12-06T00:30:00Z');
const MORNING = new Date('2026-12-05T13:00:00Z');

describe('the status a campaign shows', () => {
  it('when a campaign is started at night with people still to get it, then it shows waiting, not sending', () => {
    expect(shownStatus({ ...HOURS, status: 'running', counts: { pending: 2 } }, NIGHT)).toBe('waiting');
  });

  it('when its hours are open, then it shows sending', () => {
    expect(shownStatus({ ...HOURS, status: 'running', counts: { pending: 2 } }, MORNING)).toBe('running');
  });

  it('when nobody is left to send to, or it is not running, then it shows its own status', () => {
    expect(shownStatus({ ...HOURS, status: 'running', counts: { pending: 0 } }, NIGHT)).toBe('running');
    for (const status of ['draft', 'scheduled', 'paused', 'completed', 'cancelled'] as const) expect(shownStatus({ ...HOURS, status, counts: { pending: 2 } }, NIGHT)).toBe(status);
  });
});
