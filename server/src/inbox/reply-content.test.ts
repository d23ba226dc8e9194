import { describe, expect, it } from 'vitest';
import { mediaKind, replyContent } from './reply-content';

describe('reply content', () => {
  it('when the reply is text, then it is a plain text message', () => {
    expect(replyContent({ text: 'Olá' }, null, 'Ana')).toEqual({
      type: 'text', text: 'Olá', payload: { text: 'Olá', buttons: [], list: null, media: null, typingDelayMs: 0, sender: { type: 'agent', name: 'Ana' } },
    });
  });

  it('when the reply is a file, then the message carries its storage key, name, type and size, and the caption', () => {
    const upload = { id: 'u1', storage_key: 't/x/u/u1/k', mime_type: 'application/pdf', file_name: 'nota.pdf', size: 1234 };
    const out = replyContent({ mediaId: 'u1', text: 'Sua nota' }, upload);
    expect(out.type).toBe('document');
    expect(out.payload).toMatchObject({
      text: 'Sua nota',
      media: { kind: 'document', storageKey: 't/x/u/u1/k', filename: 'nota.pdf', status: 'stored', mimeType: 'application/pdf', size: 1234, uploadId: 'u1' },
    });
  });

  it.each([
    ['image/jpeg', 'image'], ['image/png', 'image'], ['image/webp', 'document'], ['audio/ogg', 'audio'], ['video/mp4', 'video'], ['text/csv', 'document'],
  ])('when the file is %s, then it is sent as %s', (mime, kind) => {
    expect(mediaKind(mime)).toBe(kind);
  });
});
