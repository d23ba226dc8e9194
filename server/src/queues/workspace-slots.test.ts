import { describe, expect, it } from 'vitest';
import { createWorkspaceSlots, type SlotLimits } from './workspace-slots';

const slotsOf = (limits: Partial<SlotLimits>) => createWorkspaceSlots({ perWorkspace: 4, perChannel: 4, maxWaiting: 16, ...limits });

describe('workspace slots', () => {
  it('when a workspace is at its limit, then it gets no slot while another workspace still does', () => {
    const slots = slotsOf({ perWorkspace: 2, perChannel: 5 });
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
    const slots = slotsOf({ perWorkspace: 9, perChannel: 1 });
    expect(slots.tryAcquire('a', 'c')).not.toBeNull();
    expect(slots.tryAcquire('a', 'c')).toBeNull();
    expect(slots.tryAcquire('a', 'd')).not.toBeNull();
  });
});

describe('waiting for a slot', () => {
  it('when a channel is full, then a waiting send gets the next freed slot, in arrival order', async () => {
    const slots = slotsOf({ perWorkspace: 9, perChannel: 1 });
    const first = slots.tryAcquire('a', 'c')!;
    const order: string[] = [];
    const second = slots.acquire('a', 'c', 5_000).then((r) => (order.push('second'), r));
    const third = slots.acquire('a', 'c', 5_000).then((r) => (order.push('third'), r));
    expect(slots.waiting()).toBe(2);
    first();
    const r2 = await second;
    expect(r2).not.toBeNull();
    expect(slots.inFlight()).toBe(1);
    r2!();
    expect(await third).not.toBeNull();
    expect(order).toEqual(['second', 'third']);
  });

  it('when no slot frees in time, or too many already wait, then the send is told to come back later', async () => {
    const slots = slotsOf({ perWorkspace: 9, perChannel: 1, maxWaiting: 1 });
    slots.tryAcquire('a', 'c');
    const waited = slots.acquire('a', 'c', 20);
    expect(await slots.acquire('a', 'c', 5_000)).toBeNull(); // the line is full
    expect(await waited).toBeNull(); // timed out
    expect(slots.waiting()).toBe(0);
    expect(await slots.acquire('b', 'd', 0)).not.toBeNull(); // another workspace and channel are not held up
  });
});
