import { describe, expect, it } from 'vitest';
import { createSendSlots } from './send-limits';

describe('send slots', () => {
  it('when a workspace is at its limit, then it gets no slot while another workspace still does', () => {
    const slots = createSendSlots({ perWorkspace: 2, perChannel: 5 });
    const a1 = slots.tryAcquire('a', 'ca1');
    const a2 = slots.tryAcquire('a', 'ca2');
    expect(a1 && a2).toBeTruthy();
    expect(slots.tryAcquire('a', 'ca3')).toBeNull();
    expect(slots.tryAcquire('b', 'cb1')).not.toBeNull();
    a1!();
    a1!(); // releasing twice frees one slot only
    expect(slots.tryAcquire('a', 'ca3')).not.toBeNull();
    expect(slots.tryAcquire('a', 'ca4')).toBeNull();
    expect(slots.inFlight()).toBe(3);
  });

  it('when a channel is at its limit, then it gets no slot', () => {
    const slots = createSendSlots({ perWorkspace: 9, perChannel: 1 });
    expect(slots.tryAcquire('a', 'c')).not.toBeNull();
    expect(slots.tryAcquire('a', 'c')).toBeNull();
    expect(slots.tryAcquire('a', 'd')).not.toBeNull();
  });
});
