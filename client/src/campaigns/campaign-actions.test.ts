import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { isConflict, reached } from './campaign-actions';

describe('campaign actions', () => {
  it('when a start is asked of a campaign already sending, waiting for its time or done, then it is already reached', () => {
    expect(reached('start', 'running')).toBe(true);
    expect(reached('start', 'scheduled')).toBe(true);
    expect(reached('start', 'completed')).toBe(true);
    expect(reached('start', 'cancelled')).toBe(false);
  });

  it('when pause, resume or cancel meet the campaign in another state, then only their own state counts as reached', () => {
    expect(reached('pause', 'paused')).toBe(true);
    expect(reached('pause', 'cancelled')).toBe(false);
    expect(reached('resume', 'running')).toBe(true);
    expect(reached('resume', 'paused')).toBe(false);
    expect(reached('cancel', 'cancelled')).toBe(true);
    expect(reached('cancel', 'completed')).toBe(false);
  });

  it('when the server answers 409, then it is a conflict; other refusals are not', () => {
    expect(isConflict(new ApiError(409, 'conflict', 'The campaign is running'))).toBe(true);
    expect(isConflict(new ApiError(404, 'not_found', 'Campaign not found'))).toBe(false);
    expect(isConflict(new Error('offline'))).toBe(false);
  });
});
