import { describe, expect, it } from 'vitest';
import { toFlowSummary } from './flows.view';

describe('flows view', () => {
  it('when the trigger keywords hold non-strings, then only the strings are listed', () => {
    const at = new Date();
    const summary = toFlowSummary({
      id: 'f', name: 'F', revision: 3, published_version_id: 'v', published_version: 2, has_unpublished_changes: true, created_at: at, updated_at: at,
      trigger_keywords: ['oi', 7, null, 'menu'],
    });
    expect(summary).toMatchObject({ status: 'published', publishedVersion: 2, hasUnpublishedChanges: true, triggerKeywords: ['oi', 'menu'] });
  });
});
