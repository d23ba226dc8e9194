import { describe, expect, it } from 'vitest';
import { readJsonCapped } from './capped-json';

describe('reading a provider answer with a size cap', () => {
  it('when the answer is small JSON, then it is parsed', async () => {
    expect(await readJsonCapped(new Response('{"messages":[{"id":"wamid.1"}]}'))).toEqual({ messages: [{ id: 'wamid.1' }] });
  });

  it('when the answer streams past the cap, then reading stops and nothing of it is used', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    expect(await readJsonCapped(new Response(endless), 64 * 1024)).toEqual({});
    expect(pulled).toBeLessThan(10);
  });

  it('when the answer is not JSON, then it reads as empty', async () => {
    expect(await readJsonCapped(new Response('<html>bad gateway</html>'))).toEqual({});
  });
});
