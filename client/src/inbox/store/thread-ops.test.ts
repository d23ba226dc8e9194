import { describe, expect, it } from 'vitest';
import type { MessageItem } from '../api/inbox-types';
import { fillPlaceholders, firstPlaceholder, mergeMessages, unknownPlaceholders, withoutConfirmed } from './thread-ops';

const msg = (id: string, at: string, status: MessageItem['status'] = 'sent'): MessageItem => ({
  id, direction: 'out', author: 'agent', type: 'text', text: id, status, createdAt: at,
});

describe('thread ops', () => {
  it('when pages overlap, then each message shows once, oldest first', () => {
    const merged = mergeMessages([msg('b', '2'), msg('a', '1')].sort(() => 0), [msg('c', '3'), msg('b', '2')]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('when a stale copy arrives after a newer tick, then the tick does not go backwards', () => {
    const merged = mergeMessages([msg('a', '1', 'read')], [msg('a', '1', 'sent')]);
    expect(merged[0]!.status).toBe('read');
    expect(mergeMessages([msg('a', '1', 'sent')], [msg('a', '1', 'failed')])[0]!.status).toBe('failed');
  });

  it('drops local bubbles the server confirmed', () => {
    const pending = [{ serverId: 'a' }, { serverId: null }, { serverId: 'z' }];
    expect(withoutConfirmed(pending, [msg('a', '1')])).toEqual([{ serverId: null }, { serverId: 'z' }]);
  });

  it('fills known placeholders and keeps unknown or empty ones', () => {
    const out = fillPlaceholders('Oi {{contact.name}}, sou {{ agent.name }} {{x.y}} {{contact.phone}}', {
      'contact.name': 'Maria', 'agent.name': 'Ana', 'contact.phone': null,
    });
    expect(out).toBe('Oi Maria, sou Ana {{x.y}} {{contact.phone}}');
  });

  it('when a value is missing and the placeholder has a default, then the default is sent; an unknown name stays as typed', () => {
    const values = { 'contact.name': null, 'agent.name': 'Ana' };
    expect(fillPlaceholders('Oi {{contact.name | "tudo bem"}}! Sou {{ agent.name | "a equipe" }}.', values)).toBe('Oi tudo bem! Sou Ana.');
    expect(fillPlaceholders('{{pedido | "x"}} {{contact.name}}', values)).toBe('{{pedido | "x"}} {{contact.name}}');
    expect(firstPlaceholder('Oi {{contact.name | "tudo bem"}}')).toEqual({ name: 'contact.name', start: 3, end: 32 });
  });

  it('finds the first placeholder left unfilled, and none in plain text', () => {
    expect(firstPlaceholder('Oi {{ contact.name }}, tudo bem? {{x}}')).toEqual({ name: 'contact.name', start: 3, end: 21 });
    expect(firstPlaceholder('Oi Maria, {tudo} bem?')).toBeNull();
  });

  it('when a canned response names a placeholder the composer never fills, then it is named, once, and the known ones (with defaults) are not', () => {
    expect(unknownPlaceholders('Oi {{nome}}, sou {{agent.name}}. {{ nome }} {{pedido | "seu pedido"}} {{contact.phone}} {{contact.name | "tudo bem"}}')).toEqual(['nome', 'pedido']);
    expect(unknownPlaceholders('Funcionamos das 8h às 18h, {{contact.name}}.')).toEqual([]);
  });
});
