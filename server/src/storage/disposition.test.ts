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

describe('contentDispositionFor with the file name', () => {
  it('when a PDF has a Portuguese name with quotes, then it downloads under that name, with a plain fallback for old browsers', () => {
    expect(contentDispositionFor('application/pdf', 'Orçamento "final".pdf')).toBe(
      `attachment; filename="Or?amento \\"final\\".pdf"; filename*=UTF-8''Or%C3%A7amento%20%22final%22.pdf`,
    );
  });

  it('when a photo has a name, then it stays inline and a save keeps the name', () => {
    expect(contentDispositionFor('image/jpeg', 'foto.jpg')).toBe('inline; filename=foto.jpg');
  });

  it('when the type is not known, then a named file downloads', () => {
    expect(contentDispositionFor(undefined, 'nota.txt')).toBe('attachment; filename=nota.txt');
    expect(contentDispositionFor(undefined)).toBe('attachment');
  });

  it('when a name carries a line break or a path, then the header stays one line (a name cannot add a header)', () => {
    const header = contentDispositionFor('application/pdf', 'a\r\nSet-Cookie: x/../b.pdf')!;
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="a??Set-Cookie')).toBe(true);
  });
});
