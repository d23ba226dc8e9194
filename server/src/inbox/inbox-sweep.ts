// What the sweeper does for the inbox (it runs on a timer in a worker, with no Redis needed):
// fire due no-agent timeouts, and retry automatic assignment of queues whose jobs were lost.
import type { AssignDeps } from './auto-assign';
import { assignQueue } from './auto-assign';
import { handleNoAgent, type NoAgentDeps } from './no-agent';
import { dueNoAgent, tenantsWithQueue } from './inbox-sweep.queries';

export type InboxWorkDeps = AssignDeps & NoAgentDeps;

export async function sweepInbox(deps: InboxWorkDeps): Promise<{ noAgent: number; assigned: number }> {
  let noAgent = 0;
  for (const c of await dueNoAgent(deps.db)) if (await handleNoAgent(deps, c.tenant_id, c.id)) noAgent++;
  let assigned = 0;
  for (const t of await tenantsWithQueue(deps.db)) assigned += await assignQueue(deps, t.tenant_id);
  return { noAgent, assigned };
}
