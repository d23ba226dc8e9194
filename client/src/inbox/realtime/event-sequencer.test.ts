import { describe, expect, it } from 'vitest';
import type { InboxEvent } from '../api/inbox-types';
import { createEventSequencer } from './event-sequencer';

const ev = (id: number, conversationId = 'c1'): InboxEvent => ({ id, type: 'message.received', at: '', conversationId });

function setup() {
  const applied: number[] = [];
  const seq = createEventSequencer((events) => applied.push(...events.map((e) => e.id)));
  return { seq, applied };
}

describe('event sequencer', () => {
  it('when live events repeat, then each is applied once and the highest id is kept', () => {
    const { seq, applied } = setup();
    expect(seq.highest).toBeNull();
    for (const id of [1, 2, 2, 3, 1]) seq.receive(ev(id));
    expect(applied).toEqual([1, 2, 3]);
    expect(seq.highest).toBe(3);
  });

  it('when a live event arrives late (lower id), then it is still applied', () => {
    const { seq, applied } = setup();
    seq.receive(ev(5));
    seq.receive(ev(4));
    expect(applied).toEqual([5, 4]);
    expect(seq.highest).toBe(5);
  });

  it('when live events arrive during a catch-up, then they wait and everything is applied in id order once', () => {
    const { seq, applied } = setup();
    seq.receive(ev(10));
    seq.beginCatchUp();
    seq.receive(ev(14));
    seq.receive(ev(12));
    expect(applied).toEqual([10]);
    seq.catchUpPage([ev(11), ev(12), ev(13)]);
    seq.catchUpPage([ev(14)]);
    seq.endCatchUp();
    expect(applied).toEqual([10, 11, 12, 13, 14]);
    expect(seq.highest).toBe(14);
    expect(seq.catchingUp).toBe(false);
  });

  it('when a catch-up page is out of order, then it is applied sorted by id', () => {
    const { seq, applied } = setup();
    seq.beginCatchUp();
    seq.catchUpPage([ev(3), ev(1), ev(2)]);
    seq.endCatchUp();
    expect(applied).toEqual([1, 2, 3]);
  });

  it('when reset, then the starting point moves without applying anything', () => {
    const { seq, applied } = setup();
    seq.resetTo(42);
    expect(seq.highest).toBe(42);
    seq.receive(ev(43));
    expect(applied).toEqual([43]);
  });
});
