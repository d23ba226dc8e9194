import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import type { MessageItem } from '../api/inbox-types';
import { createInboxStore } from '../store/inbox-store';
import { createSender } from './sender';

const stored = (id: string, text: string): MessageItem => ({ id, direction: 'out', author: 'agent', type: 'text', text, status: 'pending', createdAt: new Date().toISOString() });

function setup(post: (id: string, body: unknown, key: string) => Promise<MessageItem>) {
  const store = createInboxStore();
  store.getState().openThread('c1');
  store.getState().mergeThreadMessages('c1', []);
  let n = 0;
  const onRefused = vi.fn();
  const sender = createSender({ store, post: vi.fn(post), newKey: () => `k${++n}`, onRefused });
  return { store, sender, onRefused };
}

describe('sender', () => {
  it('when the network fails, then the bubble waits with a retry that reuses the same key', async () => {
    const keys: string[] = [];
    let online = false;
    const { store, sender } = setup(async (_id, _body, key) => {
      keys.push(key);
      if (!online) throw new ApiError(0, 'network_error', 'offline');
      return stored('m1', 'oi');
    });
    await sender.send('c1', { text: 'oi' });
    const pending = store.getState().thread!.pending;
    expect(pending).toHaveLength(1);
    expect(pending[0]!.state).toBe('failed');

    online = true;
    await sender.retry('c1', pending[0]!.localId);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(store.getState().thread!.pending).toEqual([]);
    expect(store.getState().thread!.messages.map((m) => m.id)).toEqual(['m1']);
  });

  it('when each message is new, then each gets its own key', async () => {
    const keys: string[] = [];
    const { sender } = setup(async (_id, body, key) => {
      keys.push(key);
      return stored(key, (body as { text: string }).text);
    });
    await sender.send('c1', { text: 'a' });
    await sender.send('c1', { text: 'b' });
    expect(new Set(keys).size).toBe(2);
  });

  it('when a reply answers a message, then its id goes as replyTo and the waiting bubble quotes it', async () => {
    const bodies: unknown[] = [];
    let release = () => {};
    const { store, sender } = setup(async (_id, body, key) => {
      bodies.push(body);
      await new Promise<void>((r) => (release = r));
      return stored(key, 'amanhã');
    });
    const quote = { id: 'm0', author: 'contact' as const, type: 'text', text: 'Chega quando?' };
    const sent = sender.send('c1', { text: 'amanhã', replyTo: quote });
    expect(store.getState().thread!.pending[0]!.body.replyTo).toEqual(quote);
    release();
    await sent;
    expect(bodies).toEqual([{ text: 'amanhã', replyTo: 'm0' }]);
  });

  it('when the server refuses (window closed), then the bubble goes away and the reason is reported', async () => {
    const { store, sender, onRefused } = setup(async () => {
      throw new ApiError(422, 'window_closed', 'closed', { windowClosedAt: '2026-01-01T00:00:00Z' });
    });
    await sender.send('c1', { text: 'oi' });
    expect(store.getState().thread!.pending).toEqual([]);
    expect(onRefused).toHaveBeenCalledWith(expect.objectContaining({ code: 'window_closed' }), 'c1');
  });

  it('when a send fails and the agent opens another chat, then coming back shows it failed with its retry, which sends it', async () => {
    let online = false;
    const { store, sender } = setup(async () => {
      if (!online) throw new ApiError(0, 'network_error', 'offline');
      return stored('m1', 'Seu pedido sai amanhã');
    });
    await sender.send('c1', { text: 'Seu pedido sai amanhã' });
    store.getState().openThread('c2');
    expect(store.getState().thread!.pending).toEqual([]);
    store.getState().openThread('c1');
    const [back] = store.getState().thread!.pending;
    expect(back).toMatchObject({ state: 'failed', body: { text: 'Seu pedido sai amanhã' } });
    online = true;
    await sender.retry('c1', back!.localId);
    expect(store.getState().thread!.pending).toEqual([]);
    expect(store.getState().thread!.messages.map((m) => m.text)).toEqual(['Seu pedido sai amanhã']);
  });

  it('when the agent leaves a chat while its send is still going, then a failure waits there and a success leaves no bubble behind', async () => {
    const answers: Array<(ok: boolean) => void> = [];
    const { store, sender } = setup((_id, body) =>
      new Promise((resolve, reject) => answers.push((ok) => (ok ? resolve(stored(`m${answers.length}`, (body as { text: string }).text)) : reject(new ApiError(503, 'unavailable', 'down'))))),
    );
    const first = sender.send('c1', { text: 'primeira' });
    const second = sender.send('c1', { text: 'segunda' });
    store.getState().openThread('c2');
    answers[0]!(false);
    answers[1]!(true);
    await Promise.all([first, second]);
    expect(store.getState().parked.c1!.map((p) => [p.body, p.state])).toEqual([[{ text: 'primeira' }, 'failed']]);
    store.getState().openThread('c1');
    expect(store.getState().thread!.pending.map((p) => p.state)).toEqual(['failed']);
    expect(store.getState().parked).toEqual({});
  });

  it('when a file is sent, then its bubble shows while it uploads; a failed upload waits with a retry that uploads again and sends once', async () => {
    const posted: unknown[] = [];
    const { store, sender } = setup(async (_id, body) => {
      posted.push(body);
      return stored('m9', 'nota.pdf');
    });
    let finish!: (ok: boolean) => void;
    let uploads = 0;
    const upload = () => {
      uploads++;
      return new Promise<{ id: string; fileName: string }>((resolve, reject) => {
        finish = (ok) => (ok ? resolve({ id: 'media-1', fileName: 'nota.pdf' }) : reject(new ApiError(0, 'network_error', 'offline')));
      });
    };
    const first = sender.sendFile('c1', 'nota.pdf', upload, 'Segue a nota');
    expect(store.getState().thread!.pending.map((p) => [p.state, p.body])).toEqual([['uploading', { mediaId: '', fileName: 'nota.pdf', caption: 'Segue a nota' }]]);
    finish(false);
    await first;
    const [failed] = store.getState().thread!.pending;
    expect(failed!.state).toBe('failed');
    expect(posted).toEqual([]);

    const again = sender.retry('c1', failed!.localId);
    expect(store.getState().thread!.pending[0]!.state).toBe('uploading');
    finish(true);
    await again;
    expect(uploads).toBe(2);
    expect(posted).toEqual([{ mediaId: 'media-1', text: 'Segue a nota' }]);
    expect(store.getState().thread!.pending).toEqual([]);
  });

  it('when the file is refused (too large), then its bubble goes and the reason is reported', async () => {
    const { store, sender, onRefused } = setup(async () => stored('x', 'x'));
    await sender.sendFile('c1', 'video.mp4', async () => {
      throw new ApiError(413, 'payload_too_large', 'too large');
    });
    expect(store.getState().thread!.pending).toEqual([]);
    expect(onRefused).toHaveBeenCalledWith(expect.objectContaining({ status: 413 }), 'c1');
  });

  it('when a text fails, then it is kept for a reload until it is sent; a refused one is forgotten', async () => {
    const kept = new Map<string, string>();
    const unsent = { keep: vi.fn((_c: string, p: { localId: string; key: string }) => void kept.set(p.localId, p.key)), forget: vi.fn((_c: string, localId: string) => void kept.delete(localId)) };
    const store = createInboxStore();
    store.getState().openThread('c1');
    store.getState().mergeThreadMessages('c1', []);
    let answer: 'offline' | 'ok' | 'refused' = 'offline';
    let n = 0;
    const sender = createSender({
      store, newKey: () => `k${++n}`, onRefused: vi.fn(), unsent,
      post: async () => {
        if (answer === 'offline') throw new ApiError(0, 'network_error', 'offline');
        if (answer === 'refused') throw new ApiError(422, 'window_closed', 'closed');
        return stored('m1', 'oi');
      },
    });
    await sender.send('c1', { text: 'oi' });
    const [p] = store.getState().thread!.pending;
    expect([...kept.entries()]).toEqual([[p!.localId, p!.key]]);
    await sender.retry('c1', p!.localId);
    expect(kept.size).toBe(1);
    answer = 'ok';
    await sender.retry('c1', p!.localId);
    expect(kept.size).toBe(0);

    answer = 'offline';
    await sender.send('c1', { text: 'de novo' });
    expect(kept.size).toBe(1);
    answer = 'refused';
    await sender.retry('c1', store.getState().thread!.pending[0]!.localId);
    expect(kept.size).toBe(0);
  });
});
