import { describe, expect, it } from 'vitest';
import { createCampaignBody } from './campaigns.schemas';

const issuesAt = (scheduledAt: string) =>
  (createCampaignBody.safeParse({ name: 'Natal', channelId: crypto.randomUUID(), scheduledAt }).error?.issues ?? [])
    .filter((i) => i.path[0] === 'scheduledAt').map((i) => i.message);

describe('a campaign’s scheduled time', () => {
  it('when it is not a time at all, then the one problem said is that, not also that it passed', () => {
    expect(issuesAt('tomorrow')).toHaveLength(1);
    expect(issuesAt('tomorrow')[0]).not.toContain('passed');
  });

  it('when it is a time gone by, then it has passed; a time ahead is fine', () => {
    expect(issuesAt('2020-01-01T09:00:00-03:00')).toEqual(['scheduledAt has already passed']);
    expect(issuesAt(new Date(Date.now() + 3600_000).toISOString())).toEqual([]);
  });
});
