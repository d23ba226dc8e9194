import { describe, expect, it } from 'vitest';
import { publishReason } from './publish-reason';

describe('why Publish is greyed out', () => {
  it('when the draft has errors, then the reason counts them, changed or not', () => {
    expect(publishReason(2, true)).toEqual({ key: 'builder.publish.reasonErrors', count: 2 });
    expect(publishReason(1, false)).toEqual({ key: 'builder.publish.reasonErrors', count: 1 });
  });

  it('when the draft is already the live version, then the reason says there is nothing new', () => {
    expect(publishReason(0, false)).toEqual({ key: 'builder.publish.reasonNothingNew' });
  });

  it('when the draft has changes and no errors, then there is no reason: Publish can be pressed', () => {
    expect(publishReason(0, true)).toBeNull();
  });
});
