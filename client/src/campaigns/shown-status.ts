// The status a campaign's badge shows. The server's `running` begins at "start", when the audience is
// frozen; outside the sending hours nothing goes out until they open (maybe tomorrow), and "Sending"
// beside "Starts tomorrow at 09:00" told the owner messages were going out that were not. Pure.
import type { Campaign } from './campaigns-api';
import { sendingBegins } from './sending-hours';

export type ShownStatus = Campaign['status'] | 'waiting';

/** `waiting` while a running campaign has people left and its hours are closed; else its status. */
export function shownStatus(c: Pick<Campaign, 'status' | 'window' | 'timeZone'> & { counts: { pending: number } }, now: Date): ShownStatus {
  return c.status === 'running' && c.counts.pending > 0 && sendingBegins(now, c.window, c.timeZone) ? 'waiting' : c.status;
}
