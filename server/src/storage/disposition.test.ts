import { describe, expect, it } from 'vitest';
import { contentDispositionFor, servedInline } from './disposition';

describe('servedInline', () => {
  it.each(['image/jpeg', 'image/png', 'image/webp', 'audio/ogg; codecs=opus', 'video/mp4', 'VIDEO/MP4'])('when the type is %s, then it stays inline', (type) => {
    expect(servedInline(type)).toBe(true);
    expect(contentDispositionFor(type)).toBeUndefined();
  });

  it.each(['image/svg+xml', 'image/SVG+XML', 'application/vnd.evil+xml', 'text/html', 'application/xhtml+xml', 'text/xml', 'application/pdf', 'text/plain', 'application/octet-stream', '', 'image/', 'video/vnd.x+xml'])(
    'when the type is %j, then it is an attachment',
    (type) => {
      expect(servedInline(type)).toBe(false);
      expect(contentDispositionFor(type)).toBe('attachment');
    },
  );
});
