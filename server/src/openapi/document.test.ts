import { describe, expect, it } from 'vitest';
import { serversFor } from './document';

describe("the OpenAPI document's servers", () => {
  it('when PUBLIC_URL is set, then it is the one server, without its trailing slash', () => {
    expect(serversFor('https://chat.doceria.example/zyntra/')).toEqual([{ url: 'https://chat.doceria.example/zyntra', description: expect.stringContaining('PUBLIC_URL') }]);
  });

  it('when PUBLIC_URL is not set, then the one server is the address the document was read from', () => {
    expect(serversFor(undefined)).toEqual([{ url: '/', description: expect.stringContaining('PUBLIC_URL is not set') }]);
  });
});
