import { describe, expect, it } from 'vitest';
import { detailsBeside } from './details-pref';

describe('detailsBeside', () => {
  it('before any choice, shows the details only where the thread keeps room beside them', () => {
    expect(detailsBeside(null, true)).toBe(true);
    expect(detailsBeside(null, false)).toBe(false);
  });

  it("keeps the agent's choice at any width", () => {
    expect(detailsBeside('hidden', true)).toBe(false);
    expect(detailsBeside('shown', false)).toBe(true);
  });
});
