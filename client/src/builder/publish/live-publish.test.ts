import { describe, expect, it } from 'vitest';
import type { FlowDetail } from '../../flows-list/flows-api';
import type { FlowMeta } from '../hooks/useFlowMeta';
import { isNewPublish, publishStateFrom } from './live-publish';

const draft: FlowMeta = { name: 'Boas-vindas', status: 'draft', publishedVersion: null, publishedVersionId: null, hasUnpublishedChanges: false };
const live: FlowMeta = { ...draft, status: 'published', publishedVersion: 2, publishedVersionId: 'v2' };
const read = (over: Partial<FlowDetail>): FlowDetail => ({
  id: 'f1', name: 'Renamed meanwhile', status: 'published', revision: 7, publishedVersion: 3, publishedVersionId: 'v3',
  hasUnpublishedChanges: false, updatedAt: '', createdAt: '', document: { nodes: [] }, problems: [], ...over,
});
const published = (over: Record<string, unknown> = {}) => ({ id: 9, type: 'flow.published', flowId: 'f1', versionId: 'v3', version: 3, publishedBy: 'u2', ...over });

describe('isNewPublish', () => {
  it('when another version of this flow goes live, then the page reads its state', () => {
    expect(isNewPublish(published(), 'f1', 'v2')).toBe(true);
    expect(isNewPublish(published(), 'f1', null)).toBe(true);
  });

  it('when the version is the one the page shows (its own publish answered first), then nothing is read', () => {
    expect(isNewPublish(published({ publishedBy: 'me' }), 'f1', 'v3')).toBe(false);
  });

  it('when another flow is published, or another event names this flow, then nothing is read', () => {
    expect(isNewPublish(published({ flowId: 'f2' }), 'f1', 'v2')).toBe(false);
    expect(isNewPublish({ id: 10, type: 'flow.completed', flowId: 'f1', versionId: 'v9' }, 'f1', 'v2')).toBe(false);
  });
});

describe('publishStateFrom', () => {
  it('when a draft is published elsewhere, then the chip takes the live version, and the name stays the page’s', () => {
    expect(publishStateFrom(draft, read({}), 7)).toEqual({ ...draft, status: 'published', publishedVersion: 3, publishedVersionId: 'v3', hasUnpublishedChanges: false });
  });

  it('when the read saw the page’s saved draft, then the server’s “unpublished changes” is taken as it is', () => {
    expect(publishStateFrom(live, read({ hasUnpublishedChanges: true }), 7).hasUnpublishedChanges).toBe(true);
    expect(publishStateFrom({ ...live, hasUnpublishedChanges: true }, read({}), 7).hasUnpublishedChanges).toBe(false);
  });

  it('when the page saved after the read, then the save’s answer stays', () => {
    expect(publishStateFrom({ ...live, hasUnpublishedChanges: true }, read({ revision: 6 }), 7).hasUnpublishedChanges).toBe(true);
    expect(publishStateFrom(live, read({ revision: 6, hasUnpublishedChanges: true }), 7).hasUnpublishedChanges).toBe(false);
  });

  it('when a colleague saved a newer draft than the page shows, then the page’s draft is not the live one', () => {
    expect(publishStateFrom(live, read({ revision: 8 }), 7).hasUnpublishedChanges).toBe(true);
  });

  it('when the read says what the page shows already (its own publish), then the very same meta comes back', () => {
    const shown: FlowMeta = { ...live, publishedVersion: 3, publishedVersionId: 'v3' };
    expect(publishStateFrom(shown, read({}), 7)).toBe(shown);
  });
});
