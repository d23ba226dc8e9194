import { describe, expect, it } from 'vitest';
import type { ObjectStore } from '../storage/object-store';
import { isWorkspaceKey, visitorPayload } from './media-link';

const T1 = '0b6d2f3e-1111-4a5b-9c7d-000000000001';
const T2 = '0b6d2f3e-2222-4a5b-9c7d-000000000002';
const U = '6a1c9e20-3333-4f00-8a00-00000000000a';
const F = '6a1c9e20-4444-4f00-8a00-00000000000b';
const mine = `t/${T1}/u/${U}/${F}`;
const objects = { signedUrl: async (key: string, ttl: number) => `https://files.example/${key}?ttl=${ttl}` } as unknown as ObjectStore;

describe('what a web-chat visitor gets of media', () => {
  it('when the file is in this workspace storage, then a signed link replaces the storage key', async () => {
    const shown = await visitorPayload(objects, T1, { text: 'Cardápio', media: { kind: 'document', storageKey: mine, filename: 'a.pdf' } });
    expect(shown).toEqual({ text: 'Cardápio', media: { kind: 'document', filename: 'a.pdf', url: `https://files.example/${mine}?ttl=3600` } });
  });

  it("when a key names another workspace's file, then it is neither signed nor shown", async () => {
    const shown = await visitorPayload(objects, T1, { media: { kind: 'image', storageKey: `t/${T2}/u/${U}/${F}` } });
    expect(shown).toEqual({ media: { kind: 'image' } });
  });

  it('when a key climbs out of the workspace with dots, or has empty or odd segments, then it is not the workspace’s', () => {
    expect(isWorkspaceKey(T1, mine)).toBe(true);
    expect(isWorkspaceKey(T1, `t/${T1}/m/${U}/${F}`)).toBe(true);
    expect(isWorkspaceKey(T1, `t/${T1}/u/catalogo-2026.png`)).toBe(true);
    for (const key of [
      `t/${T1}/../../t/${T2}/u/${U}/${F}`, `t/${T1}/u/../../${T2}/u/${U}`, `t/${T1}/u/${U}/${F}/../x`, `t/${T1}/u/${U}/${F}/`,
      `t/${T1}//u/${U}/${F}`, `t/${T1}/./u/${F}`, `t/${T1}/u/.hidden`, `t/${T1}/u/a%2F..`, `t/${T1}/u\\..\\x`, `t/${T1}/`,
      `/t/${T1}/u/${U}/${F}`, `t/${T2}/u/${U}/${F}`, '',
    ]) expect(isWorkspaceKey(T1, key), key).toBe(false);
  });

  it('when the media is a link of its own, or there is none, then it is passed on as it is', async () => {
    expect(await visitorPayload(objects, T1, { media: { kind: 'video', url: 'https://cdn.example/v.mp4' } })).toEqual({ media: { kind: 'video', url: 'https://cdn.example/v.mp4' } });
    const plain = { text: 'oi', media: null };
    expect(await visitorPayload(objects, T1, plain)).toBe(plain);
  });
});
