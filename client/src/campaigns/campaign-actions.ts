// What start, pause, resume and cancel leave a campaign in. A second click (or a second tab) asks
// again for a change already made: the server refuses it as a conflict, and when the campaign is
// already where it was asked to go that refusal is no error for the marketer.
import { ApiError } from '../api/errors';
import type { CampaignStatus } from './campaigns-api';

export type CampaignAction = 'start' | 'pause' | 'resume' | 'cancel';

// A start or resume waits for its time (scheduled), sends (running) or, with nobody left, is done at once.
const GOES_TO: Record<CampaignAction, readonly CampaignStatus[]> = {
  start: ['scheduled', 'running', 'completed'],
  pause: ['paused'],
  resume: ['scheduled', 'running', 'completed'],
  cancel: ['cancelled'],
};

/** The campaign is where `action` takes it. */
export const reached = (action: CampaignAction, status: CampaignStatus): boolean => GOES_TO[action].includes(status);

/** The server refused the change because of the campaign's state (409). */
export const isConflict = (err: unknown): boolean => err instanceof ApiError && err.status === 409;
