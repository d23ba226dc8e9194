import { describe, expect, it } from 'vitest';
import type { ObjectStore } from '../storage/object-store';
import { visitorPayload } from './media-link';

const objects = { signedUrl: async (key: string, ttl: number) => `https://files.example/${key}?ttl=${ttl}` } as unknown as ObjectStore;

describe('what a web-chat visitor gets of media', () => {
  it('when the file is in this workspace storage, then a signed link replaces the storage key', async () => {
    const shown = await visitorPayload(objects, 'ten1', { text: 'Cardápio', media: { kind: 'document', storageKey: 't/ten1/u/a.pdf', filename: 'a.pdf' } });
    expect(shown).toEqual({ text: 'Cardápio', media: { kind: 'document', filename: 'a.pdf', url: 'https://files.example/t/ten1/u/a.pdf?ttl=3600' } });
  });

  it("when a key names another workspace's file, then it is neither signed nor shown", async () => {
    const shown = await visitorPayload(objects, 'ten1', { media: { kind: 'image', storageKey: 't/ten2/u/b.png' } });
    expect(shown).toEqual({ media: { kind: 'image' } });
  });

  it('when the media is a link of its own, or there is none, then it is passed on as it is', async () => {
    expect(await visitorPayload(objects, 'ten1', { media: { kind: 'video', url: 'https://cdn.example/v.mp4' } })).toEqual({ media: { kind: 'video', url: 'https://cdn.example/v.mp4' } });
    const plain = { text: 'oi', media: null };
    expect(await visitorPayload(objects, 'ten1', plain)).toBe(plain);
  });
});
