import { DelayedError, type Job } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import { inWorkspaceSlot } from './in-workspace-slot';
import { createWorkspaceSlots } from './workspace-slots';

type Data = { tenantId: string; channelId: string };
const jobOf = (tenantId: string) => ({ data: { tenantId, channelId: `c-${tenantId}` }, moveToDelayed: vi.fn(async () => {}) }) as unknown as Job<Data> & { moveToDelayed: ReturnType<typeof vi.fn> };

describe('a job in its workspace slot', () => {
  it('when its workspace holds every slot it may, then the job goes back to the queue for about a second and its work does not run', async () => {
    const slots = createWorkspaceSlots({ perWorkspace: 1, perChannel: 1, maxWaiting: 0 });
    let finish = () => {};
    const work = vi.fn((job: Job<Data>) => (job.data.tenantId === 'a' ? new Promise<void>((r) => (finish = r)) : Promise.resolve()));
    const run = inWorkspaceSlot(slots, work);
    const first = run(jobOf('a'), 'token-1');
    const second = jobOf('a');
    const before = Date.now();
    await expect(run(second, 'token-2')).rejects.toBeInstanceOf(DelayedError);
    const [at, token] = second.moveToDelayed.mock.calls[0]!;
    expect(token).toBe('token-2');
    expect(at).toBeGreaterThanOrEqual(before + 500);
    expect(at).toBeLessThanOrEqual(Date.now() + 1_500);
    // Another workspace still runs at once.
    await run(jobOf('b'), 'token-3');
    expect(work).toHaveBeenCalledTimes(2);
    finish();
    await first;
    expect(slots.inFlight()).toBe(0);
  });

  it('when the work throws, then its slot is freed and the error reaches the queue', async () => {
    const slots = createWorkspaceSlots({ perWorkspace: 1, perChannel: 1, maxWaiting: 0 });
    const run = inWorkspaceSlot(slots, async () => {
      throw new Error('boom');
    });
    await expect(run(jobOf('a'), 't')).rejects.toThrow('boom');
    expect(slots.inFlight()).toBe(0);
  });
});
