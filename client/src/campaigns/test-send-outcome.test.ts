import { describe, expect, it } from 'vitest';
import { isSettled, testOutcome } from './test-send-outcome';

describe('test send outcome', () => {
  it('when the message is still pending (or has a status not known here), then it is queued and not settled', () => {
    expect(testOutcome('pending')).toBe('queued');
    expect(testOutcome('something-new')).toBe('queued');
    expect(isSettled('queued')).toBe(false);
  });

  it('when WhatsApp accepted it, then it is sent but may still be delivered or fail', () => {
    expect(testOutcome('sent')).toBe('sent');
    expect(isSettled('sent')).toBe(false);
  });

  it('when it was delivered, read or refused, then it is settled', () => {
    expect(testOutcome('delivered')).toBe('delivered');
    expect(testOutcome('read')).toBe('delivered');
    expect(testOutcome('failed')).toBe('failed');
    expect(isSettled('delivered')).toBe(true);
    expect(isSettled('failed')).toBe(true);
  });
});
