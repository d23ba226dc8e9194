import { describe, expect, it } from 'vitest';
import { businessHoursNode, periodText, type BusinessHoursConfig } from './business-hours';

const ctx = { declaredVariables: new Set<string>() };
const codes = (c: BusinessHoursConfig) => (businessHoursNode.check?.(c, ctx) ?? []).map((p) => `${p.code}@${p.path}`);

describe('business_hours node', () => {
  it('when created with its defaults, then it parses, is clean, has two required outputs and a readable card', () => {
    const d = businessHoursNode.defaults();
    expect(businessHoursNode.config.parse(d)).toEqual(d);
    expect(codes(d)).toEqual([]);
    expect(businessHoursNode.outputs(d).map((o) => [o.id, o.label['pt-BR'], o.required])).toEqual([['open', 'Aberto', true], ['closed', 'Fechado', true]]);
    expect(businessHoursNode.summary(d, 'pt-BR')).toBe('Seg–Sex 08:00–18:00 · Sáb 08:00–12:00');
  });

  it('names days in runs of three or more, and single or paired days one by one', () => {
    expect(periodText({ days: ['sat', 'mon', 'tue'], from: '09:00', to: '12:00' })).toBe('Mon, Tue, Sat 9 AM–12 PM');
    expect(periodText({ days: ['mon', 'tue', 'wed', 'fri'], from: '09:00', to: '12:00' }, 'pt-BR')).toBe('Seg–Qua, Sex 09:00–12:00');
  });

  it('when there are no lines or a line has no days, then check reports them', () => {
    expect(codes({ timezone: 'UTC', periods: [] })).toEqual(['hours_required@periods']);
    const noDays: BusinessHoursConfig = { timezone: 'UTC', periods: [{ days: [], from: '08:00', to: '12:00' }, { days: ['sun'], from: '09:00', to: '11:00' }] };
    expect(codes(noDays)).toEqual(['days_required@periods.0.days']);
    expect(businessHoursNode.summary(noDays)).toBe('Sun 9 AM–11 AM');
  });

  it.each([
    ['an unknown time zone', { timezone: 'Mars/Olympus', periods: [] }],
    ['a time past 23:59', { timezone: 'UTC', periods: [{ days: ['mon'], from: '24:00', to: '12:00' }] }],
    ['a time without its leading zero', { timezone: 'UTC', periods: [{ days: ['mon'], from: '8:00', to: '12:00' }] }],
    ['an unknown day', { timezone: 'UTC', periods: [{ days: ['monday'], from: '08:00', to: '12:00' }] }],
  ])('when the config has %s, then the schema rejects it', (_name, value) => {
    expect(businessHoursNode.config.safeParse(value).success).toBe(false);
  });
});
