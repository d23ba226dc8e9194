// The queue starting a finished job a second time, as it does when a worker dies after the job's
// work but before the job is marked done, or when the job ran late: a test adds the same job again.
import type { Job } from 'bullmq';
import type { Config } from '../src/config/env';
import { createQueues, type Queues } from '../src/queues/queues';
import { createRedis } from '../src/queues/redis';
import { eventually } from './pipeline';

type QueueName = Exclude<keyof Queues, 'close'>;

/** Adds again (same name and data) the finished job of `queue` that `which` picks, and waits until it is done again. */
export async function startJobAgain(app: { config: Config }, queue: QueueName, which: (job: Job) => boolean): Promise<void> {
  const redis = createRedis(app.config, 'worker');
  const queues = createQueues(redis, app.config.QUEUE_PREFIX);
  try {
    const q = queues[queue] as unknown as Queues['effects'];
    const done = (await q.getCompleted()).find(which);
    if (!done) throw new Error(`no finished ${queue} job matched`);
    const again = await q.add(done.name, done.data);
    await eventually(async () => (await q.getJob(again.id!))?.finishedOn, 10_000);
  } finally {
    await queues.close();
    redis.disconnect();
  }
}
